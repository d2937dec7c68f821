namespace WasmBox.Nano.Bench;

/// <summary>How long and how often each benchmark is run.</summary>
public sealed record BenchmarkSettings
{
    /// <summary>Running time of all programs before measuring, long enough for the JIT to reach its optimised tier.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Timed batches per benchmark; the median one is reported.</summary>
    public int Batches { get; init; } = 5;

    /// <summary>Runs in each timed batch; null sizes batches to <see cref="BatchTime"/>.</summary>
    public long? RunsPerBatch { get; init; }

    /// <summary>Target duration of one batch when <see cref="RunsPerBatch"/> is null.</summary>
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromMilliseconds(300);
}
