namespace WasmBox.Nano.Bench;

/// <summary>The suite cannot run: a file is missing, the manifest is malformed, a program fails to verify.</summary>
public sealed class BenchmarkSetupException(string message) : Exception(message);
