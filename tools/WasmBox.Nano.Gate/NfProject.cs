using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WasmBox.Nano.Gate;

/// <summary>What the gate needs from an old-style nanoFramework project file.</summary>
internal sealed record NfProject(
    string FilePath,
    string AssemblyName,
    OutputKind OutputKind,
    LanguageVersion LanguageVersion,
    IReadOnlyList<string> PreprocessorSymbols,
    IReadOnlyList<string> CompileItems,
    IReadOnlyList<string> References,
    IReadOnlyList<string> ProjectReferences)
{
    public string Directory => Path.GetDirectoryName(FilePath)!;
}

/// <summary>The two configurations of the nanoFramework project system: Debug (DEBUG defined, no optimisation)
/// and Release (optimised). nanoCLR can compute differently on their IL, so both are built and run.</summary>
internal enum DeviceConfiguration
{
    Debug,
    Release,
}

/// <summary>Thrown when a project file cannot be understood; the message names the file and the problem.</summary>
internal sealed class NfProjectException(string message) : Exception(message);

/// <summary>
/// Reads a .nfproj as MSBuild XML, without evaluating MSBuild: explicit <c>Compile</c> items (backslash paths),
/// <c>Reference</c> assembly names, <c>ProjectReference</c> paths, <c>OutputType</c>, <c>AssemblyName</c>,
/// <c>LangVersion</c> and <c>DefineConstants</c>.
/// </summary>
internal static class NfProjectReader
{
    // The nanoFramework project system targets .NETFramework v4.6 and sets no LangVersion, so MSBuild's
    // Microsoft.CSharp.Core.targets caps the device build at C# 7.3 unless the project sets <LangVersion>.
    public const LanguageVersion DeviceDefaultLanguageVersion = LanguageVersion.CSharp7_3;

    // DEBUG and TRACE come from the Debug configuration of NFProjectSystem.Default.props (Release has TRACE
    // only), NANOFRAMEWORK_V1_0 from NFProjectSystem.CSharp.targets.
    static string[] DefaultSymbols(DeviceConfiguration configuration) => configuration == DeviceConfiguration.Release
        ? ["TRACE", "NANOFRAMEWORK_V1_0"]
        : ["DEBUG", "TRACE", "NANOFRAMEWORK_V1_0"];

    public static NfProject Load(string path, DeviceConfiguration configuration = DeviceConfiguration.Debug)
    {
        var fullPath = Path.GetFullPath(path);
        XDocument doc;
        try
        {
            doc = XDocument.Load(fullPath);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new NfProjectException($"{path}: cannot read project file: {e.Message}");
        }
        var dir = Path.GetDirectoryName(fullPath)!;
        var elements = doc.Descendants().ToList();

        string? Property(string name) =>
            elements.LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();
        IEnumerable<string> Items(string name) => elements
            .Where(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "ItemGroup")
            .Select(e => e.Attribute("Include")?.Value.Trim() ?? throw new NfProjectException($"{path}: <{name}> without Include"));

        var assemblyName = Property("AssemblyName");
        if (string.IsNullOrEmpty(assemblyName)) assemblyName = Path.GetFileNameWithoutExtension(fullPath);

        return new NfProject(
            fullPath,
            assemblyName,
            ParseOutputType(path, Property("OutputType")),
            ParseLanguageVersion(path, Property("LangVersion")),
            ParseDefines(configuration, Property("DefineConstants")),
            Items("Compile").Select(i => ResolveItemPath(path, dir, i)).ToList(),
            Items("Reference").Select(AssemblySimpleName).ToList(),
            Items("ProjectReference").Select(i => ResolveItemPath(path, dir, i)).ToList());
    }

    static OutputKind ParseOutputType(string path, string? outputType) => outputType switch
    {
        null or "" or "Library" => OutputKind.DynamicallyLinkedLibrary,
        "Exe" => OutputKind.ConsoleApplication,
        _ => throw new NfProjectException($"{path}: unsupported <OutputType>{outputType}</OutputType> (Library or Exe)"),
    };

    static LanguageVersion ParseLanguageVersion(string path, string? langVersion)
    {
        if (string.IsNullOrEmpty(langVersion)) return DeviceDefaultLanguageVersion;
        if (!LanguageVersionFacts.TryParse(langVersion, out var version))
            throw new NfProjectException($"{path}: unknown <LangVersion>{langVersion}</LangVersion>");
        return version;
    }

    static List<string> ParseDefines(DeviceConfiguration configuration, string? defineConstants) => DefaultSymbols(configuration)
        .Concat((defineConstants ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => !s.StartsWith("$(", StringComparison.Ordinal)))
        .Distinct().ToList();

    // "mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=..." names the assembly "mscorlib".
    static string AssemblySimpleName(string include) => include.Split(',')[0].Trim();

    static string ResolveItemPath(string path, string dir, string include)
    {
        if (include.Contains('*') || include.Contains("$("))
            throw new NfProjectException($"{path}: item '{include}' uses wildcards or MSBuild properties; list each file explicitly");
        return Path.GetFullPath(Path.Combine(dir, include.Replace('\\', '/')));
    }
}
