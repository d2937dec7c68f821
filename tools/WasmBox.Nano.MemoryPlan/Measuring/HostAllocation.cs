namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>Managed bytes an action allocates on this thread: the median of several timed repetitions after warm-up.</summary>
public static class HostAllocation
{
    public const int WarmUp = 3;
    public const int Repetitions = 7;

    /// <summary>
    /// Runs <paramref name="prepare"/> untimed, then measures <paramref name="action"/> on its
    /// result (GC.GetAllocatedBytesForCurrentThread delta), <see cref="Repetitions"/> times after
    /// <see cref="WarmUp"/> runs; returns the median.
    /// </summary>
    public static long Median<T>(Func<T> prepare, Action<T> action)
    {
        for (int i = 0; i < WarmUp; i++)
        {
            action(prepare());
        }
        var samples = new long[Repetitions];
        for (int i = 0; i < Repetitions; i++)
        {
            T state = prepare();
            long before = GC.GetAllocatedBytesForCurrentThread();
            action(state);
            samples[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Array.Sort(samples);
        return samples[Repetitions / 2];
    }

    public static long Median(Action action) => Median<object?>(() => null, _ => action());
}
