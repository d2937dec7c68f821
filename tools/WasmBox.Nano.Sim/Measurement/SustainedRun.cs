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

/// <summary>
/// The demo in real time for a sustained period (one thread per container, the runtime's timer
/// thread), with the outside world probing latency: every <see cref="MessageEveryMs"/> a message
/// to acme's fletcher32, every <see cref="PressEveryMs"/> a button press (globex) and every
/// <see cref="CoapEveryMs"/> a CoAP GET of initech's temperature, each timed from the moment it
/// is fired to the end of the run it causes (the container's run counter moving; for CoAP, the
/// answer). Timers run by themselves. The hostile tenant, when present, gets its bait messages.
/// </summary>
public static class SustainedRun
{
    public const long MessageEveryMs = 100;
    public const long PressEveryMs = 1000;
    public const long CoapEveryMs = 250;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(1);

    public static RunFigures Measure(DemoOptions options, long durationMs, CancellationToken cancel)
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
                nextMessage += MessageEveryMs;
            }
            if (now >= nextPress)
            {
                pressLatency.Add(Timed(counter, () => session.Board.Gpio.PressButton(DemoPlan.Button)));
                pressLatency.Add(Timed(counter, () => session.Board.Gpio.ReleaseButton(DemoPlan.Button)));
                applied.Add(new ButtonClick(DemoPlan.Button, now));
                nextPress += PressEveryMs;
            }
            if (now >= nextCoap)
            {
                var request = new CoapRequest(DemoPlan.InitechTempPath, now);
                long start = Stopwatch.GetTimestamp();
                request.Apply(session); // the board's CoAP server answers synchronously
                coapLatency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                applied.Add(request);
                nextCoap += CoapEveryMs;
            }
            cancel.WaitHandle.WaitOne(1);
        }
        long elapsed = clock.ElapsedMilliseconds;
        session.Runtime.Shutdown();
        return new RunFigures(withHostile, elapsed, Figures(session), LatencyStats.Of(messageLatency), LatencyStats.Of(pressLatency), LatencyStats.Of(coapLatency),
            DemoChecks.Evaluate(session, applied));
    }

    /// <summary>Fires an event and waits (spinning; runs take microseconds) until the container finished the run it caused.</summary>
    private static double Timed(Container container, Action fire)
    {
        long before = container.Counters.Runs;
        long start = Stopwatch.GetTimestamp();
        fire();
        var spin = new SpinWait();
        while (container.Counters.Runs == before && Stopwatch.GetElapsedTime(start) < RunTimeout)
        {
            spin.SpinOnce();
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
