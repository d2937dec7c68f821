using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Measurement;

/// <summary>
/// Runs every input path of the demo often enough, and spread over enough real time, that .NET's
/// tiered JIT has optimised it before anything is measured: otherwise the first measured run
/// pays for compiling the rarely hit paths (a button edge once a second), which looks like
/// interference. Tier-up needs about 30 calls counted after a quiet 100 ms, then a background
/// compile, hence the pacing and the settle pause.
/// </summary>
public static class MeasurementWarmUp
{
    /// <summary>Board steps of the synchronous pass: 600 × 50 ms of board time fire the 500 ms timer 60 times, the 1 s timers 30 times.</summary>
    private const int SteppedSteps = 600;
    private const int StepMs = 50;
    private const int PressEveryStep = 4;
    private const int RealTimePerStepMs = 2;
    private const long ThreadedMsPerConfiguration = 2500;
    private const int SettleMs = 500;

    public static void Run(DemoOptions options, CancellationToken cancel)
    {
        Stepped(options, cancel);
        // The threaded paths (queues, worker wake-ups, the timer thread) in both configurations.
        SustainedRun.Measure(options with { WithHostile = false }, ThreadedMsPerConfiguration, ProbeRates.WarmUp, cancel);
        SustainedRun.Measure(options with { WithHostile = true }, ThreadedMsPerConfiguration, ProbeRates.WarmUp, cancel);
        cancel.WaitHandle.WaitOne(SettleMs);
    }

    /// <summary>
    /// Every event kind each step, synchronously on a stepped clock (so timers fire dozens of
    /// times in seconds), with the hostile tenant and its bait so its fault paths are warm too.
    /// </summary>
    private static void Stepped(DemoOptions options, CancellationToken cancel)
    {
        var clock = new SteppedClock();
        using DemoRun demo = DemoRun.Prepare(options with { WithHostile = true, Clock = clock });
        SimulationSession session = demo.Session;
        var bait = new InputScript(DemoPlan.HostileBait(SteppedSteps * StepMs));
        session.Start(threaded: false);
        for (int step = 0; step < SteppedSteps && !cancel.IsCancellationRequested; step++)
        {
            bait.ApplyDue(session, clock.NowMs);
            session.Publish(DemoPlan.AcmeDataTopic, DemoPlan.DataPayload(step));
            session.Request(DemoPlan.InitechTempPath, []);
            if (step % PressEveryStep == 0)
            {
                session.Click(DemoPlan.Button);
            }
            session.Runtime.Tick();
            clock.Advance(StepMs);
            cancel.WaitHandle.WaitOne(RealTimePerStepMs);
        }
    }
}
