namespace WasmBox.Nano.Sim.Session;

/// <summary>A simulation that cannot start as asked (bad profile, policy, bundle, key or script); the message says why.</summary>
public sealed class SimSetupException(string message) : Exception(message);
