using System.Diagnostics;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Measurement;

/// <summary>One container's figures at the end of a sustained run.</summary>
public sealed record ContainerFigures(string Tenant, string Name, string State, long Runs, long Faults, double MeanRunMicros, double MaxRunMicros);

/// <summary>What a sustained run measured: per-container figures, end-to-end latencies, and the tenants' verdicts.</summary>
public sealed record RunFigures(
    bool WithHostile, long DurationMs, IReadOnlyList<ContainerFigures> Containers,
    LatencyStats MessageLatency, LatencyStats PressLatency, LatencyStats CoapLatency, IReadOnlyList<TenantVerdict> Verdicts);

/// <summary>How often the outside world probes each input path during a sustained run.</summary>
public sealed record ProbeRates(long MessageEveryMs, long PressEveryMs, long CoapEveryMs)
{
    /// <summary>The measured rates: well inside every tenant's runs per second.</summary>
    public static readonly ProbeRates Measured = new(100, 1000, 250);

    /// <summary>
    /// As fast as the tenants' runs per second allow (acme 50/s; globex and initech 20/s, one of
    /// which their timers take), so every path runs dozens of times in a short warm-up.
    /// </summary>
    public static readonly ProbeRates WarmUp = new(25, 150, 60);
}

/// <summary>
/// The demo in real time for a sustained period (one thread per container, the runtime's timer
/// thread), with the outside world probing latency at <see cref="ProbeRates"/>: a message to
/// acme's fletcher32, a button press (globex) and a CoAP GET of initech's temperature, each
/// timed from the moment it is fired to the end of the run it causes (the container's run
/// counter moving; for CoAP, the answer). Timers run by themselves. The hostile tenant, when
/// present, gets its bait messages.
/// </summary>
public static class SustainedRun
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(1);

    public static RunFigures Measure(DemoOptions options, long durationMs, CancellationToken cancel) =>
        Measure(options, durationMs, ProbeRates.Measured, cancel);

    public static RunFigures Measure(DemoOptions options, long durationMs, ProbeRates rates, CancellationToken cancel)
    {
        bool withHostile = options.WithHostile;
        using DemoRun demo = DemoRun.Prepare(options with { Clock = null });
        SimulationSession session = demo.Session;
        Container checksum = Find(session, "acme", "fletcher32");
        Container counter = Find(session, "globex", "button_counter");
        var applied = new List<ScriptedInput>();
        var messageLatency = new List<double>();
        var pressLatency = new List<double>();
        var coapLatency = new List<double>();
        var hostileBait = new InputScript(withHostile ? DemoPlan.HostileBait(durationMs) : []);
        session.Start(threaded: true);

        var clock = Stopwatch.StartNew();
        long nextMessage = 50, nextPress = 500, nextCoap = 120;
        int n = 0;
        while (!cancel.IsCancellationRequested && clock.ElapsedMilliseconds < durationMs)
        {
            long now = clock.ElapsedMilliseconds;
            applied.AddRange(hostileBait.ApplyDue(session, now));
            if (now >= nextMessage)
            {
                var message = new Message(DemoPlan.AcmeDataTopic, DemoPlan.DataPayload(n++), now);
                messageLatency.Add(Timed(checksum, () => message.Apply(session)));
                applied.Add(message);
                nextMessage += rates.MessageEveryMs;
            }
            if (now >= nextPress)
            {
                pressLatency.Add(Timed(counter, () => session.Board.Gpio.PressButton(DemoPlan.Button)));
                pressLatency.Add(Timed(counter, () => session.Board.Gpio.ReleaseButton(DemoPlan.Button)));
                applied.Add(new ButtonClick(DemoPlan.Button, now));
                nextPress += rates.PressEveryMs;
            }
            if (now >= nextCoap)
            {
                var request = new CoapRequest(DemoPlan.InitechTempPath, now);
                long start = Stopwatch.GetTimestamp();
                request.Apply(session); // the board's CoAP server answers synchronously
                coapLatency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                applied.Add(request);
                nextCoap += rates.CoapEveryMs;
            }
            cancel.WaitHandle.WaitOne(1);
        }
        long elapsed = clock.ElapsedMilliseconds;
        session.Runtime.Shutdown();
        return new RunFigures(withHostile, elapsed, Figures(session), LatencyStats.Of(messageLatency), LatencyStats.Of(pressLatency), LatencyStats.Of(coapLatency),
            DemoChecks.Evaluate(session, applied));
    }

    /// <summary>
    /// Fires an event and waits (spinning; runs take microseconds) until the container finished
    /// the run it caused, or the runtime refused it for the tenant's runs per second.
    /// </summary>
    private static double Timed(Container container, Action fire)
    {
        long before = container.Counters.Runs;
        int limitedBefore = container.Counters.RateLimitedRuns;
        long start = Stopwatch.GetTimestamp();
        fire();
        var spin = new SpinWait();
        while (container.Counters.Runs == before && container.Counters.RateLimitedRuns == limitedBefore
            && Stopwatch.GetElapsedTime(start) < RunTimeout)
        {
            // Never Sleep(1): a sleeping prober would add its own millisecond to the latency it measures.
            spin.SpinOnce(sleep1Threshold: -1);
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static Container Find(SimulationSession session, string tenant, string name) =>
        session.Runtime.Find(tenant, name) ?? throw new SimSetupException("the demo has no container " + tenant + "/" + name);

    private static List<ContainerFigures> Figures(SimulationSession session) => session.Runtime.Containers
        .Select(c => new ContainerFigures(c.Tenant.Id, c.Name, ContainerStateText.Describe(c.State), c.Counters.Runs, c.Counters.Faults,
            c.Counters.RunTicksAverage / 10.0, c.Counters.RunTicksMax / 10.0))
        .ToList();
}
