using WasmBox.Nano.Host.Profiles;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>
/// A sensor signal that reads Values[i] from the time of run i on (Values[0] before the first
/// run, the last value after the last run), so a scenario says what each run reads.
/// </summary>
public sealed record ScriptedSignal(long[] RunTimesMs, int[] Values) : SignalSpec
{
    public override int ValueAt(long nowMs)
    {
        int index = 0;
        for (int i = 0; i < RunTimesMs.Length && RunTimesMs[i] <= nowMs; i++)
        {
            index = i;
        }
        return Values[Math.Min(index, Values.Length - 1)];
    }
}
