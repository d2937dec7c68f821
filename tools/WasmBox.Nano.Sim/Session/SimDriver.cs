using System.Diagnostics;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Sim.Scripting;

namespace WasmBox.Nano.Sim.Session;

/// <summary>
/// Moves a started session through time and yields frames for a view. Real time: the
/// runtime's own threads run the containers and timers; the driver only applies scripted
/// inputs and samples. Stepped: a <see cref="SteppedClock"/> advances in fixed steps and
/// every event runs synchronously, so a run is the same every time.
/// </summary>
public static class SimDriver
{
    public const int FrameIntervalMs = 250;
    private const int InputResolutionMs = 5;

    public static IEnumerable<SimFrame> RealTime(SimulationSession session, InputScript script, long durationMs,
        CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var applied = new List<ScriptedInput>();
        long nextFrame = 0;
        while (!cancel.IsCancellationRequested && clock.ElapsedMilliseconds < durationMs)
        {
            applied.AddRange(script.ApplyDue(session, clock.ElapsedMilliseconds));
            if (clock.ElapsedMilliseconds >= nextFrame)
            {
                yield return Frame(session, clock.ElapsedMilliseconds, applied, final: false);
                applied = [];
                nextFrame += FrameIntervalMs;
            }
            cancel.WaitHandle.WaitOne(InputResolutionMs);
        }
        yield return Frame(session, Math.Min(clock.ElapsedMilliseconds, durationMs), applied, final: true);
    }

    /// <summary>Advances <paramref name="clock"/> by <paramref name="stepMs"/> up to the duration, ticking timers each step.</summary>
    public static IEnumerable<SimFrame> Stepped(SimulationSession session, SteppedClock clock, InputScript script,
        long durationMs, int stepMs = SimulationSession.TickMs)
    {
        var applied = new List<ScriptedInput>();
        long nextFrame = 0;
        for (long elapsed = 0; elapsed < durationMs; elapsed += stepMs)
        {
            applied.AddRange(script.ApplyDue(session, elapsed));
            session.Runtime.Tick();
            if (elapsed >= nextFrame)
            {
                yield return Frame(session, elapsed, applied, final: false);
                applied = [];
                nextFrame += FrameIntervalMs;
            }
            clock.Advance(stepMs);
        }
        yield return Frame(session, durationMs, applied, final: true);
    }

    /// <summary>Runs a stepped simulation to its end without a view.</summary>
    public static SimSnapshot RunStepped(SimulationSession session, SteppedClock clock, InputScript script, long durationMs) =>
        Stepped(session, clock, script, durationMs).Last().Snapshot;

    private static SimFrame Frame(SimulationSession session, long elapsedMs, List<ScriptedInput> applied, bool final) =>
        new(SimSnapshot.Take(session, elapsedMs), session.Events.TakeNew().Select(EventRow.From).ToList(), applied, final,
            session.Output.TakeNew());
}
