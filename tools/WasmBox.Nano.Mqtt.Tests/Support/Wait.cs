namespace WasmBox.Nano.Mqtt.Tests.Support;

/// <summary>Waiting on events: tests only fail when something does not happen within a generous timeout.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Completes when the client reaches <paramref name="state"/>; the reason that came with it.</summary>
    public static Task<Exception?> ForStateAsync(MqttSession client, MqttConnectionState state)
    {
        var reached = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, e) =>
        {
            if (e.State == state)
                reached.TrySetResult(e.Reason);
        };
        if (client.State == state)
            reached.TrySetResult(null);
        return reached.Task.WaitAsync(Timeout);
    }
}
