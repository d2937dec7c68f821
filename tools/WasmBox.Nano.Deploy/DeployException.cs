namespace WasmBox.Nano.Deploy;

/// <summary>A deployment tool failed for a reason the user can act on; the message says which.</summary>
public sealed class DeployException(string message, Exception? inner = null) : Exception(message, inner);
