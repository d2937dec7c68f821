namespace WasmBox.Nano.Cli.Io;

/// <summary>A problem with the user's input (missing file, bad value); printed without a stack trace.</summary>
internal sealed class CliError(string message) : Exception(message);
