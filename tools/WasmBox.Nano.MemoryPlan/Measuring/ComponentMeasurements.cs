using WasmBox.Nano.Bundle;
using WasmBox.Nano.Crypto;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.MemoryPlan.DeviceHeap;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using RuntimeHookKind = WasmBox.Nano.Runtime.Hooks.HookKind;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Vm;
using VmInstance = WasmBox.Nano.Vm.Vm;

namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>
/// Measures every component of the portable runtime live: host bytes as the median
/// GC.GetAllocatedBytesForCurrentThread delta, device bytes by walking what the component holds
/// (<see cref="DeviceGraph"/>). Containers are installed on a simulated board of <paramref name="boardProfile"/> with room for all of them.
/// </summary>
public sealed class ComponentMeasurements(HardwareProfile boardProfile)
{
    private readonly HardwareProfile profile = BoardRig.Roomy(boardProfile);

    public const string Tenant = "t";

    public IReadOnlyList<ComponentRow> MeasureAll()
    {
        var rows = new List<ComponentRow>();
        rows.AddRange(VmRows());
        rows.Add(HelperTableRow());
        rows.AddRange(ContainerSplit(ContainerShape.Small, false));
        rows.Add(ContainerTotal(ContainerShape.Small, true));
        rows.Add(ContainerTotal(ContainerShape.Typical, false));
        rows.Add(ContainerTotal(ContainerShape.Large, false));
        rows.Add(RunRow());
        rows.AddRange(BundleRows());
        rows.AddRange(RuntimeRows());
        return rows;
    }

    public IEnumerable<ComponentRow> VmRows()
    {
        HelperTable table = HelperCatalog.VerificationTable;
        foreach (int n in new[] { 10, 100, 1000 })
        {
            byte[] code = SamplePrograms.Straight(n);
            VerifierOptions options = new() { Helpers = table, MaxInstructions = 4096 };
            long verify = HostAllocation.Median(() => Verifier.Verify(code, options));
            VmProgram program = Verifier.Verify(code, options).Program;
            long vmHost = HostAllocation.Median(() => new VmInstance(program, table, null, 1));
            var vm = new VmInstance(program, table, null, 1);
            DeviceFootprint programBytes = new DeviceGraph().Measure(program);
            DeviceFootprint vmBytes = new DeviceGraph().Exclude(program, table).Measure(vm);
            yield return new("VM", "verifier run, " + n + " instructions (transient, incl. program)", verify, verify, 0, 0, false,
                "device taken at host size");
            yield return Row("VM", "VmProgram, " + n + " instructions (6 arrays)", 0, programBytes, "host: part of the verifier run");
            yield return Row("VM", "Vm instance, 1 frame (stack, registers, memory table, own opcodes)", vmHost, vmBytes);
        }
    }

    /// <summary>
    /// The sparse helper table as a small container holds it: the 256-byte id-to-slot map and one
    /// slot for its one handler (the handler itself is priced with the container's bound helpers).
    /// </summary>
    public ComponentRow HelperTableRow()
    {
        IHelper handler = HelperCatalog.VerificationTable.Get(HelperIds.NowMs)!;
        long host = HostAllocation.Median(() => TableWith(handler));
        HelperTable table = TableWith(handler);
        return Row("helpers", "helper table (256-byte id map + 1 handler slot, per container)", host,
            new DeviceGraph().Skip(handler).Measure(table));
    }

    private static HelperTable TableWith(IHelper handler)
    {
        var table = new HelperTable();
        table.Register(HelperIds.NowMs, handler);
        return table;
    }

    /// <summary>An installed idle container split into its parts (one tenant provisioned beforehand).</summary>
    public IEnumerable<ComponentRow> ContainerSplit(ContainerShape shape, bool withPinAndSensor)
    {
        long host = InstallHostBytes(shape, withPinAndSensor);
        using var rig = new BoardRig(profile);
        rig.Provision(Tenant, shape.PayloadBytes);
        object[] outside = [rig.Runtime, rig.Board];
        DeviceGraph parts = new DeviceGraph().Exclude(outside);
        DeviceGraph all = new DeviceGraph().Exclude(outside);
        Container c = Installed(rig, shape, withPinAndSensor);
        DeviceFootprint whole = all.Measure(c);
        parts.Skip(c); // bound helpers point back at their container: stop there
        object vm = Internals.Field(c, "_vm");
        string group = "container " + shape.Name;
        var rows = new List<ComponentRow>
        {
            Row(group, "event ring (" + c.Queue.Capacity + " slots)", 0, parts.Measure(c.Queue)),
            Row(group, "payload buffers (context, payload, CoAP)", 0, parts.Measure(Internals.Field(c, "_context"), c.PayloadBuffer, c.Coap)),
            Row(group, "helper table + bound helpers", 0, parts.Measure(Internals.Field(vm, "_helpers"))),
            Row(group, "key-value store (local)", 0, parts.Measure(c.LocalStore)),
            Row(group, "VM (program, stack, registers, regions, data)", 0, parts.Measure(vm)),
            Row(group, "manifest kept (hooks, grants, data, rodata)", 0, parts.Measure(c.Manifest)),
        };
        rows.Add(new(group, "container, counters, monitor trackers", 0, whole.Bytes - rows.Sum(r => r.DeviceBytes),
            whole.Objects + whole.Strings - rows.Sum(r => r.DeviceObjects), whole.Arrays - rows.Sum(r => r.DeviceArrays), true));
        int hooks = c.Manifest.Hooks.Length;
        rows.Add(new(group, "hook subscriptions (" + hooks + ")", 0, hooks * RamEstimate.HookSubscriptionBytes, hooks, 2 * hooks, false,
            "priced as new hooks"));
        rows.Add(new(group, "worker thread and its frames", 0, RamEstimate.WorkerThreadBytes, 0, 0, false,
            "nf-interpreter structures, see README"));
        rows.Add(new(group, "total (install; RamEstimate = " + c.RamBytes + ")", host, rows.Sum(p => p.DeviceBytes),
            rows.Sum(p => p.DeviceObjects), rows.Sum(p => p.DeviceArrays), false, "host includes the verifier's scratch"));
        return rows;
    }

    public ComponentRow ContainerTotal(ContainerShape shape, bool withPinAndSensor) =>
        ContainerSplit(shape, withPinAndSensor).Last() with
        {
            Group = "container " + shape.Name + (withPinAndSensor ? " + pin + sensor" : ""),
        };

    /// <summary>Host bytes of one Install, each repetition on a fresh board with the tenant provisioned.</summary>
    public long InstallHostBytes(ContainerShape shape, bool withPinAndSensor)
    {
        var rigs = new List<BoardRig>();
        byte[] code = shape.Code();
        try
        {
            return HostAllocation.Median(() =>
            {
                var rig = new BoardRig(profile);
                rigs.Add(rig);
                rig.Provision(Tenant, shape.PayloadBytes);
                return (rig, rig.Manifest(shape, "c", withPinAndSensor));
            }, s => Require(s.rig.Runtime.Install(Tenant, s.Item2, code)));
        }
        finally
        {
            rigs.ForEach(r => r.Dispose());
        }
    }

    /// <summary>One run of a small container through the synchronous path after warm-up: must allocate nothing.</summary>
    public ComponentRow RunRow()
    {
        using var rig = new BoardRig(profile);
        rig.Provision(Tenant, ContainerShape.Small.PayloadBytes);
        Container c = Installed(rig, ContainerShape.Small, false);
        rig.Runtime.Start(c);
        long host = HostAllocation.Median(() => rig.Runtime.Dispatch(RuntimeHookKind.Timer, 100, null, null, 0));
        return new("run", "one run (timer dispatch, small container)", host, host, 0, 0, true, c.Counters.Runs + " runs");
    }

    public IEnumerable<ComponentRow> BundleRows()
    {
        var sample = new BundleSample();
        sample.Open(); // creates the shared P-256 verifier before measuring
        long host = HostAllocation.Median(() => sample.Open());
        (ParsedBundle parsed, FunctionImage image) = sample.Open();
        var graph = new DeviceGraph();
        yield return new("update", "bundle buffer (" + sample.Bytes.Length + " B)", sample.Bytes.Length,
            NanoHeap.ArrayBytes(sample.Bytes.Length, 1), 0, 1, true);
        yield return Row("update", "BundleReader.Open: parsed bundle + opened image", host, graph.Exclude(sample.Bytes).Measure(parsed, image),
            "host: whole Open, incl. digests and verify scratch");
        object verifier = Internals.StaticField(typeof(EcdsaP256), "_shared");
        yield return Row("update", "ECDSA P-256 verifier scratch (kept after the first update)", 0, new DeviceGraph().Measure(verifier),
            "allocated once");
    }

    public IEnumerable<ComponentRow> RuntimeRows()
    {
        foreach (int tenants in new[] { 0, 1, 4 })
        {
            var rigs = new List<BoardRig>();
            long host = HostAllocation.Median(() =>
            {
                var fresh = new BoardRig(profile);
                rigs.Add(fresh);
                return fresh;
            }, r => ProvisionTenants(r, tenants));
            rigs.ForEach(r => r.Dispose());
            using var rig = new BoardRig(profile);
            ProvisionTenants(rig, tenants);
            yield return Row("runtime", "runtime with " + tenants + " tenants (reserve " + rig.Runtime.ReserveBytes + ")",
                host, new DeviceGraph().Exclude(rig.Board).Measure(rig.Runtime), "host: provisioning only");
        }
        yield return Row("runtime", "runtime core, monitor ring full (" + RuntimeMonitor.RecentCapacity + " events)", 0,
            RuntimeCore(profile), "what the profile's runtimeReserveBytes must hold");
    }

    /// <summary>The runtime with no tenants and its recent-events ring full: its largest fixed size.</summary>
    public static DeviceFootprint RuntimeCore(HardwareProfile profile)
    {
        using var rig = new BoardRig(BoardRig.Roomy(profile));
        rig.Provision(Tenant, ContainerShape.Small.PayloadBytes);
        Container c = Installed(rig, ContainerShape.Small, false);
        for (int i = 0; i < RuntimeMonitor.RecentCapacity; i++)
        {
            rig.Runtime.Start(c);
            rig.Runtime.Stop(c);
        }
        return new DeviceGraph().Skip(c).Exclude(rig.Board, rig.Runtime.Tenants).Measure(rig.Runtime);
    }

    private static void ProvisionTenants(BoardRig rig, int count)
    {
        for (int i = 0; i < count; i++)
        {
            rig.Provision(Tenant + i, ContainerShape.Small.PayloadBytes, grantPin: i == 0);
        }
    }

    private static Container Installed(BoardRig rig, ContainerShape shape, bool withPinAndSensor) =>
        Require(rig.Install(Tenant, shape, "c", withPinAndSensor));

    private static Container Require(InstallResult r) =>
        r.Ok ? r.Container : throw new InvalidOperationException("install refused: " + r.Error + ": " + r.Reason);

    private static ComponentRow Row(string group, string component, long host, DeviceFootprint f, string note = "") =>
        new(group, component, host, f.Bytes, f.Objects + f.Strings, f.Arrays, true, note);
}
