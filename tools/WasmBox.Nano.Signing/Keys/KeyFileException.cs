namespace WasmBox.Nano.Signing.Keys;

/// <summary>
/// A key file that is missing, malformed, or not a P-256 key of the expected kind. It is a
/// <see cref="FormatException"/> so command-line tools report it as bad input, not as a crash.
/// </summary>
public sealed class KeyFileException(string message) : FormatException(message);
