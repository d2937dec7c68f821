using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Toolchain;
using WasmBox.Nano.Toolchain.Compiling;

namespace WasmBox.Nano.Cli.Building;

/// <summary>
/// `wbx build`'s pipeline as `build` and `deploy` share it: the embedded headers go on clang's
/// include path after the user's own, and toolchain failures become a <see cref="CliError"/> (clang's
/// signed-division and libc-header failures led by the fix, <see cref="ClangHints"/>)
/// (a missing clang stays a <see cref="CompilerMissingException"/>, which `build` exits 2 on).
/// </summary>
internal static class SourceBuild
{
    public static BuildResult Run(string input, string? entry, IReadOnlyList<string> includes, IReadOnlyList<string> defines, string? keepObject)
    {
        var request = new BuildRequest(input, entry, new CompileOptions([.. includes, EmbeddedHeaders.Directory()], defines), keepObject);
        try
        {
            return FunctionBuilder.Build(request);
        }
        catch (ToolchainException e) when (e is not CompilerMissingException)
        {
            throw new CliError(ClangHints.Explain(e.Message));
        }
    }
}
