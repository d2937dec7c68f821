using WasmBox.Nano.Gate;

namespace WasmBox.Nano.NanoClr;

/// <summary>Runs assemblies on the kit's nanoCLR: mscorlib first, then the given .pe files in load order.</summary>
internal sealed class NanoClrRunner(NanoClrKit kit)
{
    public ProcessOutcome Run(IEnumerable<string> pes, TimeSpan timeout) =>
        ExternalProcess.Run(kit.Runner, [CoreLibraryPackage.MscorlibPe, .. pes], timeout);

    /// <summary>Runs one test suite through the real UnitTestLauncher and reads what it reported.</summary>
    public (LauncherReport Report, ProcessOutcome Outcome) RunSuite(DeviceBuildResult build, DeviceSuite suite, TimeSpan timeout)
    {
        var outcome = Run([kit.LauncherPe, kit.TestFrameworkPe, .. build.LibraryPes, suite.Pe], timeout);
        return (LauncherReport.Parse(outcome.Output), outcome);
    }
}
