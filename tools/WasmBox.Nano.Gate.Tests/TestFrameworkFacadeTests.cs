using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WasmBox.Nano.Gate.Tests.Support;

namespace WasmBox.Nano.Gate.Tests;

/// <summary>
/// The TestFramework and UnitTestLauncher facades have exactly the public API of the real assemblies in the
/// nanoCLR kit (../shared/nanoclr/testframework), where the kit is present.
/// </summary>
public class TestFrameworkFacadeTests
{
    static readonly string KitFolder = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "nanoclr", "testframework"));

    [SkippableTheory]
    [InlineData("nanoFramework.TestFramework", "nanoFramework.TestFramework.dll")]
    [InlineData("nanoFramework.UnitTestLauncher", "nanoFramework.UnitTestLauncher.exe")]
    public void Facade_has_the_public_api_of_the_real_assembly(string assembly, string realFile)
    {
        var real = Path.Combine(KitFolder, realFile);
        Skip.IfNot(File.Exists(real), $"{real} not found: the nanoCLR kit lives in ../shared/nanoclr beside the repository");

        var facadeApi = PublicApi(Repository.FacadeLibrary.Get(assembly));
        var realApi = PublicApi(MetadataReference.CreateFromFile(real));

        Assert.Empty(realApi.Except(facadeApi).Select(m => "missing from the facade: " + m));
        Assert.Empty(facadeApi.Except(realApi).Select(m => "not in the real assembly: " + m));
        Assert.NotEmpty(realApi);
    }

    [Fact]
    public void Api_listing_sees_members_and_their_signatures()
    {
        var api = PublicApi(Repository.FacadeLibrary.Get("nanoFramework.TestFramework"));

        Assert.Contains(api, m => m.Contains("Assert.AreEqual(ulong expected, ulong actual, [string message = \"\"])", StringComparison.Ordinal));
    }

    /// <summary>Every public or protected type and member, as C# signatures.</summary>
    static SortedSet<string> PublicApi(MetadataReference reference)
    {
        var compilation = CSharpCompilation.Create("api", references: [MetadataReference.CreateFromFile(CoreLibraryPackage.MscorlibDll), reference]);
        var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference)!;
        var api = new SortedSet<string>(StringComparer.Ordinal);
        var format = SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters
                | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeConstantValue)
            .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeParamsRefOut
                | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeOptionalBrackets);
        void Visit(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    Visit(ns);
                    continue;
                }
                if (member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)) continue;
                if (member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove }) continue;
                if (member is INamedTypeSymbol type)
                {
                    api.Add(type.TypeKind + " " + type.ToDisplayString(format) + " : " + type.BaseType?.ToDisplayString()
                        + string.Concat(type.Interfaces.Select(i => ", " + i.ToDisplayString())));
                    Visit(type);
                }
                else api.Add(member.ToDisplayString(format));
            }
        }
        Visit(assembly.GlobalNamespace);
        return api;
    }
}
