namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// A deterministic sensor signal: the same clock time always gives the same integer, so tests
/// that step the clock see exact values. Values are in the sensor's fixed-point units.
/// </summary>
public abstract record SignalSpec
{
    public abstract int ValueAt(long nowMs);

    /// <summary>Position inside a repeating period, in [0, periodMs), also for negative times.</summary>
    protected static long PhaseOf(long nowMs, long periodMs) => ((nowMs % periodMs) + periodMs) % periodMs;

    protected static int Clamp(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}

public sealed record ConstantSignal(int Value) : SignalSpec
{
    public override int ValueAt(long nowMs) => Value;
}

/// <summary>offset + amplitude * sin(2 pi (t + phase) / period), rounded to the nearest integer.</summary>
public sealed record SineSignal(int Offset, int Amplitude, int PeriodMs, int PhaseMs) : SignalSpec
{
    public override int ValueAt(long nowMs)
    {
        double turns = PhaseOf(nowMs + PhaseMs, PeriodMs) / (double)PeriodMs;
        return Clamp(Offset + (long)Math.Round(Amplitude * Math.Sin(2 * Math.PI * turns), MidpointRounding.AwayFromZero));
    }
}

/// <summary>Sawtooth: from From at the start of each period, linearly towards To, then back to From.</summary>
public sealed record RampSignal(int From, int To, int PeriodMs) : SignalSpec
{
    public override int ValueAt(long nowMs) =>
        Clamp(From + ((long)To - From) * PhaseOf(nowMs, PeriodMs) / PeriodMs);
}

/// <summary>High for the first DutyPercent of each period, Low for the rest.</summary>
public sealed record SquareSignal(int Low, int High, int PeriodMs, int DutyPercent) : SignalSpec
{
    public override int ValueAt(long nowMs) =>
        PhaseOf(nowMs, PeriodMs) * 100 < (long)PeriodMs * DutyPercent ? High : Low;
}

/// <summary>Before until AtMs, After from then on.</summary>
public sealed record StepSignal(int Before, int After, long AtMs) : SignalSpec
{
    public override int ValueAt(long nowMs) => nowMs < AtMs ? Before : After;
}
