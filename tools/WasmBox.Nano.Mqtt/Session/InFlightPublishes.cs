namespace WasmBox.Nano.Mqtt.Session;

/// <summary>
/// QoS 1 messages the broker has not acknowledged yet, in publish order, kept across reconnects
/// so they can be sent again (MQTT 3.1.1 section 4.4).
/// </summary>
internal sealed class InFlightPublishes
{
    private sealed class Entry(byte[] packet)
    {
        public byte[] Packet { get; } = packet;
        public bool Sent { get; set; }
        /// <summary>Its publisher gave up; kept only so a late PUBACK cannot hit a reused identifier.</summary>
        public bool Abandoned { get; set; }
        public TaskCompletionSource Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock _lock = new();
    private readonly OrderedDictionary<ushort, Entry> _entries = [];

    /// <summary>Tracks an encoded PUBLISH; the task completes when its PUBACK arrives.</summary>
    public Task Add(ushort packetId, byte[] encodedPublish)
    {
        var entry = new Entry(encodedPublish);
        lock (_lock)
            _entries.Add(packetId, entry);
        return entry.Acknowledged.Task;
    }

    public void MarkSent(ushort packetId)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(packetId, out Entry? entry))
                entry.Sent = true;
        }
    }

    /// <summary>Completes the message's task; false for an identifier not in flight.</summary>
    public bool Acknowledge(ushort packetId)
    {
        Entry? entry;
        lock (_lock)
        {
            if (!_entries.Remove(packetId, out entry))
                return false;
        }
        entry.Acknowledged.TrySetResult();
        return true;
    }

    /// <summary>
    /// Drops a message whose publisher gave up waiting. True when its identifier is free at once;
    /// false when the message was already sent, so the identifier stays taken until its PUBACK
    /// or the next reconnect (<see cref="TakeForResend"/>).
    /// </summary>
    public bool Forget(ushort packetId)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(packetId, out Entry? entry))
                return false;
            if (entry.Sent)
            {
                entry.Abandoned = true;
                return false;
            }
            _entries.Remove(packetId);
            return true;
        }
    }

    /// <summary>
    /// The packets to send on a new connection, oldest first; those sent before carry DUP. Marks
    /// them sent. Abandoned messages are dropped and their identifiers, which no PUBACK can
    /// reach any more, are added to <paramref name="released"/>.
    /// </summary>
    public IReadOnlyList<byte[]> TakeForResend(ICollection<ushort> released)
    {
        lock (_lock)
        {
            var packets = new List<byte[]>(_entries.Count);
            foreach ((ushort packetId, Entry entry) in _entries.ToList())
            {
                if (entry.Abandoned)
                {
                    _entries.Remove(packetId);
                    released.Add(packetId);
                    continue;
                }
                packets.Add(entry.Sent ? Codec.PacketEncoder.WithDupFlag(entry.Packet) : entry.Packet);
                entry.Sent = true;
            }
            return packets;
        }
    }

    /// <summary>Fails every waiting publisher and returns the identifiers that were in flight.</summary>
    public IReadOnlyList<ushort> FailAll(Exception reason)
    {
        List<KeyValuePair<ushort, Entry>> failed;
        lock (_lock)
        {
            failed = [.. _entries];
            _entries.Clear();
        }
        foreach (KeyValuePair<ushort, Entry> pair in failed)
            pair.Value.Acknowledged.TrySetException(reason);
        return failed.ConvertAll(pair => pair.Key);
    }
}
