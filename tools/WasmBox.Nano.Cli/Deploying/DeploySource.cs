using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Building;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Signing;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Deploying;

/// <summary>
/// What `wbx deploy INPUT` sends, told by content: a signed bundle goes as it is; C source, an
/// ELF object or a function image (or a project folder) is built with its project's wbx.json and
/// signed by <see cref="Sign"/> once the next sequence number is known.
/// </summary>
internal sealed class DeploySource
{
    private readonly FunctionImage? _image;

    private DeploySource(byte[]? bundle, FunctionProject? project, FunctionImage? image)
    {
        Bundle = bundle;
        Project = project;
        _image = image;
    }

    /// <summary>The bundle as given; null when this source is built from a project.</summary>
    public byte[]? Bundle { get; }

    /// <summary>The project the function is built from; null for a bundle.</summary>
    public FunctionProject? Project { get; }

    public static DeploySource Open(string input)
    {
        if (Directory.Exists(input))
        {
            FunctionProject project = FunctionProject.Require(input);
            return FromProject(project, ProgramFile.Read(project.SourcePath));
        }
        LoadedInput file = ProgramFile.Read(input);
        if (file.Kind == InputKind.Bundle)
            return new DeploySource(file.Bytes, FunctionProject.Find(input), null);
        FunctionProject found = FunctionProject.Find(input)
            ?? throw new CliError(input + " is " + InputRecognizer.Describe(file.Kind) + " without a " + FunctionProject.FileName
                + " beside it (tenant, slot, hooks): deploy a signed bundle, or create a project with `wbx new NAME`");
        return FromProject(found, file);
    }

    /// <summary>The built function; null for a bundle.</summary>
    public FunctionImage? Image => _image;

    /// <summary>Signs the built function for the project's tenant and slot with <paramref name="sequence"/>.</summary>
    public byte[] Sign(long sequence, string keyPath)
    {
        using ECDsa key = TenantKeys.LoadPrivateKey(keyPath);
        return Sign(sequence, key, keyPath);
    }

    /// <summary>Signs with a key already loaded (<paramref name="keyPath"/> null: one made for a simulated board).</summary>
    public byte[] Sign(long sequence, ECDsa key, string? keyPath)
    {
        if (Project is null || _image is null)
            throw new InvalidOperationException("a bundle is deployed as given");
        Manifest manifest = ManifestSpec.Of(Project, sequence).For(_image);
        PackWarnings.Print(manifest, _image, keyPath);
        return BundleSigner.Sign(_image, manifest, key);
    }

    private static DeploySource FromProject(FunctionProject project, LoadedInput file) => file.Kind switch
    {
        InputKind.CSource or InputKind.Elf => new DeploySource(null, project, SourceBuild.Run(file.Path, project.Entry, [], [], null).Image),
        InputKind.Image => new DeploySource(null, project, ProgramFile.ImageOf(file)),
        _ => throw new CliError(file.Path + " is " + InputRecognizer.Describe(file.Kind) + ": deploy takes C source, an ELF object, an image, a bundle or a project folder"),
    };
}
