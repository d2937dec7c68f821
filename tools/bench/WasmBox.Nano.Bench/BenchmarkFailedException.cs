namespace WasmBox.Nano.Bench;

/// <summary>A benchmark ran but did not end with its expected r0, or allocated on the hot path.</summary>
public sealed class BenchmarkFailedException(string message) : Exception(message);
