using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Bundle.Tests.Cli;

/// <summary>Runs the built wbx in a working directory (see <see cref="WbxProcess"/>).</summary>
internal static class Wbx
{
    public static string Dll => WbxProcess.DllPath;

    public static void SkipUnlessBuilt() => Skip.IfNot(File.Exists(Dll), "wbx.dll not built at " + Dll);

    public static WbxResult Run(string workingDirectory, params string[] args) =>
        WbxProcess.Run(workingDirectory, TimeSpan.FromMinutes(2), args);
}
