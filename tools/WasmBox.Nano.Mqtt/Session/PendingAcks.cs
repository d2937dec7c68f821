using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>SUBSCRIBE and UNSUBSCRIBE requests waiting for their SUBACK or UNSUBACK, by packet identifier.</summary>
internal sealed class PendingAcks
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ushort, TaskCompletionSource<MqttPacket>> _waiting = [];

    public Task<MqttPacket> Register(ushort packetId)
    {
        var waiter = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            _waiting.Add(packetId, waiter);
        return waiter.Task;
    }

    /// <summary>Delivers an acknowledgement; false when nobody waits for that identifier.</summary>
    public bool Complete(ushort packetId, MqttPacket acknowledgement)
    {
        TaskCompletionSource<MqttPacket>? waiter;
        lock (_lock)
        {
            if (!_waiting.Remove(packetId, out waiter))
                return false;
        }
        return waiter.TrySetResult(acknowledgement);
    }

    public void Remove(ushort packetId)
    {
        lock (_lock)
            _waiting.Remove(packetId);
    }

    public void FailAll(Exception reason)
    {
        List<TaskCompletionSource<MqttPacket>> failed;
        lock (_lock)
        {
            failed = [.. _waiting.Values];
            _waiting.Clear();
        }
        foreach (TaskCompletionSource<MqttPacket> waiter in failed)
            waiter.TrySetException(reason);
    }
}
