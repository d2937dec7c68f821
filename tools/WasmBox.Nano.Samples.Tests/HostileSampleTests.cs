using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Samples.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Samples.Tests;

/// <summary>
/// Mallory's functions (tools/samples/hostile): each passes the verifier and installs under the
/// demo policy, then misbehaves at run time and is stopped by the runtime.
/// </summary>
public class HostileSampleTests
{
    private const int Period = 1000;

    private static Container Install(SimulatedDevice device, SampleSpec sample)
    {
        InstallResult result = SampleInstaller.Install(device.Runtime, sample, SampleBuilds.Build(sample).Image);
        Assert.True(result.Ok, sample.Name + " must install: " + result.Reason);
        return result.Container;
    }

    private static void Tick(SimulatedDevice device)
    {
        device.Clock.Advance(Period);
        device.Runtime.Dispatch(HookKind.Timer, Period, null, null, 0);
    }

    private static void AssertQuarantined(SimulatedDevice device, Container c, AnomalyKind why)
    {
        Assert.Equal(ContainerState.Quarantined, c.State);
        Assert.Contains(device.Events, e => e.Kind == RuntimeEventKind.Quarantined && e.ContainerName == c.Name && e.Anomaly == why);
    }

    [SkippableFact]
    public void AllFourInstallSideBySideUnderMallorysGrant()
    {
        using var device = new SimulatedDevice();
        foreach (SampleSpec sample in SampleCatalog.All.Where(s => s.Hostile))
        {
            Assert.Equal(ContainerState.Running, Install(device, sample).State);
        }
    }

    [SkippableFact]
    public void InfiniteLoopIsCutByItsBudgetAndQuarantinedAfterThreeRuns()
    {
        using var device = new SimulatedDevice();
        Container spin = Install(device, SampleCatalog.Spin);
        for (int i = 0; i < 3; i++)
        {
            Tick(device);
            Assert.True(spin.LastStatus is VmStatus.BranchBudgetExhausted or VmStatus.InstructionBudgetExhausted, spin.LastStatus.ToString());
        }
        AssertQuarantined(device, spin, AnomalyKind.FaultBurst);
        Tick(device);
        Assert.Equal(3, spin.Counters.Runs);
    }

    [SkippableFact]
    public void ReadPastThePayloadFaultsAndIsQuarantined()
    {
        using var device = new SimulatedDevice();
        Container oob = Install(device, SampleCatalog.OobRead);

        device.Runtime.Dispatch(HookKind.Mqtt, 0, "mallory/in", [0], 1);
        Assert.Equal(VmStatus.Ok, oob.LastStatus); // a zero claim reads nothing: it looks harmless
        for (int i = 0; i < 3; i++)
        {
            device.Clock.Advance(100);
            device.Runtime.Dispatch(HookKind.Mqtt, 0, "mallory/in", [1, 2, 3], 3);
            Assert.Equal(VmStatus.MemoryOutOfBounds, oob.LastStatus);
        }
        AssertQuarantined(device, oob, AnomalyKind.FaultBurst);
    }

    [SkippableFact]
    public void ProbingUngrantedPinsGetsEaccesAndQuarantine()
    {
        using var device = new SimulatedDevice();
        Container blinker = Install(device, SampleCatalog.Blinker);   // acme owns the LED on pin 2
        Container probe = Install(device, SampleCatalog.PinProbe);
        device.Clock.Advance(500);
        device.Runtime.Dispatch(HookKind.Timer, 500, null, null, 0);
        device.Clock.Advance(500);
        device.Runtime.Dispatch(HookKind.Timer, 500, null, null, 0);
        Assert.False(device.Board.Gpio.IsLedOn("led0"));

        Tick(device);

        Assert.Equal(VmStatus.Ok, probe.LastStatus);
        Assert.Equal(1UL, probe.LastResult);                 // only its own pin 5 accepted the write
        Assert.True(device.Board.Gpio.Read(5));
        Assert.False(device.Board.Gpio.IsLedOn("led0"));     // acme's LED untouched
        Assert.Equal(39, probe.Counters.PolicyViolations);   // pins 0..39 but 5
        AssertQuarantined(device, probe, AnomalyKind.PolicyViolations);
        Assert.Equal(ContainerState.Running, blinker.State);
    }

    [SkippableFact]
    public void HelperCallFloodIsDeniedAndQuarantined()
    {
        using var device = new SimulatedDevice();
        Container flood = Install(device, SampleCatalog.Flood);
        Tick(device);
        Assert.Equal(VmStatus.HelperDenied, flood.LastStatus);
        // mallory's helperCallsPerSecond is 100: the 101st attempt is counted and ends the run.
        Assert.Equal(101, flood.Counters.HelperCallsOf(0x20));
        AssertQuarantined(device, flood, AnomalyKind.HelperFlood);
    }
}
