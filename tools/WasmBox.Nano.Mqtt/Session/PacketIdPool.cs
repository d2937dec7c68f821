namespace WasmBox.Nano.Mqtt.Session;

/// <summary>Hands out non-zero packet identifiers that are not in use, cycling through 1..65535.</summary>
internal sealed class PacketIdPool
{
    private readonly Lock _lock = new();
    private readonly HashSet<ushort> _inUse = [];
    private ushort _last;

    public ushort Rent()
    {
        lock (_lock)
        {
            for (int tries = 0; tries < ushort.MaxValue; tries++)
            {
                _last = _last == ushort.MaxValue ? (ushort)1 : (ushort)(_last + 1);
                if (_inUse.Add(_last))
                    return _last;
            }
        }
        throw new InvalidOperationException("all 65535 MQTT packet identifiers are in use; too many unacknowledged requests");
    }

    public void Return(ushort id)
    {
        lock (_lock)
            _inUse.Remove(id);
    }
}
