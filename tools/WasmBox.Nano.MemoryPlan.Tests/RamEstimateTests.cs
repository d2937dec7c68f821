using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.MemoryPlan.DeviceHeap;
using WasmBox.Nano.MemoryPlan.Measuring;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.MemoryPlan.Tests;

/// <summary>
/// RamEstimate's formula against the measured graph of real installs: the walk prices every object
/// and array the container holds, RamEstimate adds its hook subscriptions and worker thread.
/// A field added to a runtime class without updating RamEstimate fails here.
/// </summary>
public class RamEstimateTests
{
    private static readonly HardwareProfile DevKit = BoardRig.Roomy(HardwareProfiles.Load("esp32-devkitc").Profile!);

    public static TheoryData<string> Shapes() => new(ContainerShape.Standard.Select(s => s.Name));

    public static TheoryData<int> Helpers() => new(HelperIds.All());

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_estimate_is_the_measured_graph_plus_hooks_and_thread(string shape) =>
        AssertEstimateMatches(ContainerShape.Standard.Single(s => s.Name == shape));

    [Theory]
    [MemberData(nameof(Helpers))]
    public void Every_helper_is_priced_as_measured(int helper) =>
        AssertEstimateMatches(ContainerShape.Small with { Helpers = [helper] });

    [Fact]
    public void Every_coap_helper_together_shares_one_exchange() =>
        AssertEstimateMatches(ContainerShape.Small with
        {
            Helpers = [HelperIds.CoapRespInit, HelperIds.CoapOptFinish, HelperIds.CoapAddFormat, HelperIds.CoapGetPdu],
        });

    [Fact]
    public void The_estimate_grows_with_the_program_by_its_arrays()
    {
        int small = Install(ContainerShape.Small with { Instructions = 100 }).Estimate;
        int large = Install(ContainerShape.Small with { Instructions = 1100 }).Estimate;

        // 1000 more slots: the program's three byte arrays, two int arrays (offsets, immediates) and a
        // short array (run lengths), and the VM's own opcode bytes, each 1000 elements longer.
        int[] elementBytes = [1, 1, 1, 4, 4, 2, 1];
        Assert.Equal(elementBytes.Sum(e => NanoHeap.ArrayBytes(1100, e) - NanoHeap.ArrayBytes(100, e)), large - small);
    }

    [Fact]
    public void Pins_and_sensors_are_priced_at_least_as_measured()
    {
        using var rig = new BoardRig(DevKit);
        rig.Provision("t", 128);
        DeviceGraph graph = new DeviceGraph().Exclude(rig.Runtime, rig.Board);
        Container c = rig.Install("t", ContainerShape.Small, "c", withPinAndSensor: true).Container;
        long measured = graph.Measure(c).Bytes + RamEstimate.HookSubscriptionBytes + RamEstimate.WorkerThreadBytes;

        // The walk does not count the sensor name it shares with the board; the estimate does.
        Assert.InRange(c.RamBytes, measured, measured + NanoHeap.StringBytes("temp0"));
    }

    [Fact]
    public void A_tenant_is_priced_as_measured()
    {
        using var rig = new BoardRig(DevKit);
        DeviceGraph graph = new DeviceGraph().Exclude(rig.Runtime, rig.Board);
        rig.Provision("t", 128);

        Assert.Equal(graph.Measure(rig.Runtime.FindTenant("t")).Bytes, rig.Runtime.ReserveBytes);
    }

    private static void AssertEstimateMatches(ContainerShape shape)
    {
        (int estimate, long measured) = Install(shape);
        Assert.Equal(measured + shape.Hooks * RamEstimate.HookSubscriptionBytes + RamEstimate.WorkerThreadBytes, estimate);
    }

    private static (int Estimate, long Measured) Install(ContainerShape shape)
    {
        using var rig = new BoardRig(DevKit);
        rig.Provision("t", shape.PayloadBytes);
        DeviceGraph graph = new DeviceGraph().Exclude(rig.Runtime, rig.Board);
        InstallResult r = rig.Install("t", shape, "c");
        Assert.True(r.Ok, r.Reason);
        return (r.Container.RamBytes, graph.Measure(r.Container).Bytes);
    }
}
