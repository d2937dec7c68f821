using WasmBox.Nano.Gate;

namespace WasmBox.Nano.NanoClr;

/// <summary>The device projects nanoCLR can execute: those that need nothing but mscorlib, the TestFramework
/// and each other (everything else references board packages that exist here only as facades).</summary>
internal static class DeviceProjects
{
    static readonly HashSet<string> RunnableReferences = new(StringComparer.Ordinal)
    {
        FacadeLibrary.CoreLibrary, "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher",
    };

    public static IEnumerable<string> Runnable(string repositoryRoot)
    {
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        return Gate.Gate.DiscoverProjects(repositoryRoot).Where(p => IsRunnable(p, verdicts));
    }

    static bool IsRunnable(string project, Dictionary<string, bool> verdicts)
    {
        if (verdicts.TryGetValue(project, out bool known)) return known;
        verdicts[project] = false; // a reference cycle is not runnable (the gate reports it)
        var nf = NfProjectReader.Load(project);
        bool runnable = nf.References.All(RunnableReferences.Contains) && nf.ProjectReferences.All(p => IsRunnable(p, verdicts));
        verdicts[project] = runnable;
        return runnable;
    }
}
