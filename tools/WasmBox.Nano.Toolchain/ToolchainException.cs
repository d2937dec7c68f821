namespace WasmBox.Nano.Toolchain;

/// <summary>
/// The one error type of the toolchain: malformed or unsupported ELF input, link failures and
/// compiler failures. Its message is meant for the user as is (no stack trace needed).
/// </summary>
public class ToolchainException(string message) : Exception(message);

/// <summary>clang is not installed; `wbx build` reports it with its own exit code.</summary>
public sealed class CompilerMissingException(string message) : ToolchainException(message);
