using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Sim.Measurement;

/// <summary>
/// Managed memory of one demo container on the host (64-bit .NET), as a proxy for the device:
/// bytes allocated by installing its bundle (signature check, verifier, container), bytes the
/// idle installed container keeps alive, the runtime's 32-bit device estimate, and bytes
/// allocated per run.
/// </summary>
public sealed record ContainerMemory(string Tenant, string Name, long InstallAllocatedBytes, long RetainedBytes,
    int DeviceEstimateBytes, double AllocatedBytesPerRun, int Runs);

public static class MemoryFigures
{
    public const int RunsMeasured = 1000;
    private const int RunSpacingMs = 100;

    /// <summary>Every well-behaved demo bundle, each on a fresh synchronous board.</summary>
    public static IReadOnlyList<ContainerMemory> Measure(DemoOptions options) =>
        DemoPlan.WellBehavedBundles.Select(name => Measure(options, name)).ToList();

    private static ContainerMemory Measure(DemoOptions options, string bundleName)
    {
        NamedBundle bundle = DemoFiles.Bundle(bundleName);
        var clock = new SteppedClock();
        using SimulationSession session = SimulationSession.Create(new SimulationOptions
        {
            Profile = options.Profile,
            PolicyText = options.PolicyText ?? DemoFiles.PolicyText(),
            Keyring = DemoFiles.Keyring(),
            Clock = clock,
        });
        // Warm the code paths (JIT, static tables) with a first install that is then removed.
        Container warm = session.Install(bundle).Container ?? throw new SimSetupException(bundle.Source + " does not install");
        session.Runtime.Remove(warm);

        long retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        BundleInstallResult result = session.Install(bundle);
        long installAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
        Container c = result.Container!;

        session.Runtime.Start(c);
        HookBinding hook = c.Manifest.Hooks.First(h => h.Kind != HookKind.Install);
        string? key = hook.Kind switch
        {
            HookKind.Mqtt => ConcreteTopic(hook.Filter),
            HookKind.Coap => hook.Filter,
            _ => null,
        };
        byte[] payload = DemoPlan.DataPayload(1);
        Dispatch(session, hook, key, payload);
        long runsBefore = c.Counters.Runs;
        allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < RunsMeasured; i++)
        {
            // Board time moves on so the tenant's runs per second never holds a run back.
            clock.Advance(RunSpacingMs);
            Dispatch(session, hook, key, payload);
        }
        long runAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        int runs = (int)(c.Counters.Runs - runsBefore);
        return new ContainerMemory(c.Tenant.Id, c.Name, installAllocated, retained, c.RamBytes,
            runs == 0 ? 0 : (double)runAllocated / runs, runs);
    }

    private static void Dispatch(SimulationSession session, HookBinding hook, string? key, byte[] payload) =>
        session.Runtime.Dispatch(hook.Kind, hook.Parameter, key, payload, payload.Length);

    /// <summary>A topic the filter matches: each wildcard level becomes "x".</summary>
    private static string? ConcreteTopic(string? filter) =>
        filter is null ? null : string.Join('/', filter.Split('/').Select(level => level is "+" or "#" ? "x" : level));
}
