namespace WasmBox.Nano.Mqtt.Session;

/// <summary>
/// Delay before reconnect attempt n: the initial delay doubled n times, capped, then spread by
/// the jitter fraction so a fleet that lost the same broker does not come back in lockstep.
/// </summary>
internal sealed class ReconnectBackoff(MqttReconnectPolicy policy, Func<double> random)
{
    public TimeSpan DelayFor(int attempt)
    {
        double exponential = policy.InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        double capped = Math.Min(exponential, policy.MaxDelay.TotalMilliseconds);
        double spread = 1 + policy.Jitter * (2 * random() - 1);
        return TimeSpan.FromMilliseconds(Math.Min(capped * spread, policy.MaxDelay.TotalMilliseconds));
    }
}
