using System.Diagnostics.CodeAnalysis;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Topics;

namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>
/// Strict decoder of MQTT 3.1.1 packets. Pure: bytes in, packet out. Any violation throws
/// <see cref="MqttProtocolException"/> and nothing else; the size limit is checked from the
/// fixed header alone, before a body buffer would be allocated.
/// </summary>
public static class PacketDecoder
{
    /// <summary>
    /// Validates the fixed header at the start of <paramref name="source"/>; false when more
    /// bytes are needed to finish it.
    /// </summary>
    public static bool TryReadFixedHeader(ReadOnlySpan<byte> source, int maxPacketSize, out FixedHeader header)
    {
        header = default;
        if (source.IsEmpty)
            return false;
        var type = (MqttPacketType)(source[0] >> 4);
        byte flags = (byte)(source[0] & 0x0F);
        CheckTypeAndFlags(type, flags);
        if (!RemainingLength.TryRead(source[1..], out int length, out int lengthSize))
            return false;
        long packetSize = 1L + lengthSize + length;
        if (packetSize > maxPacketSize)
            throw new MqttProtocolException(MqttProtocolError.PacketTooLarge, $"{type} of {packetSize} bytes exceeds the limit of {maxPacketSize}");
        header = new FixedHeader(type, flags, length, 1 + lengthSize);
        return true;
    }

    /// <summary>Decodes one whole packet from the start of <paramref name="source"/>; false when it is not complete yet.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, int maxPacketSize, [NotNullWhen(true)] out MqttPacket? packet, out int consumed)
    {
        packet = null;
        consumed = 0;
        if (!TryReadFixedHeader(source, maxPacketSize, out FixedHeader header) || source.Length < header.PacketSize)
            return false;
        packet = DecodeBody(header, source.Slice(header.HeaderSize, header.RemainingLength));
        consumed = header.PacketSize;
        return true;
    }

    /// <summary>Decodes the body that follows a header accepted by <see cref="TryReadFixedHeader"/>.</summary>
    internal static MqttPacket DecodeBody(FixedHeader header, ReadOnlySpan<byte> body)
    {
        if (body.Length != header.RemainingLength)
            throw new ArgumentException($"body is {body.Length} bytes; the header announces {header.RemainingLength}", nameof(body));
        var reader = new MqttReader(body, header.Type.ToString().ToUpperInvariant());
        MqttPacket packet = header.Type switch
        {
            MqttPacketType.Connect => ReadConnect(ref reader),
            MqttPacketType.ConnAck => ReadConnAck(ref reader),
            MqttPacketType.Publish => ReadPublish(ref reader, header.Flags),
            MqttPacketType.PubAck => new PubAckPacket(reader.ReadPacketId()),
            MqttPacketType.Subscribe => ReadSubscribe(ref reader),
            MqttPacketType.SubAck => ReadSubAck(ref reader),
            MqttPacketType.Unsubscribe => ReadUnsubscribe(ref reader),
            MqttPacketType.UnsubAck => new UnsubAckPacket(reader.ReadPacketId()),
            MqttPacketType.PingReq => PingReqPacket.Instance,
            MqttPacketType.PingResp => PingRespPacket.Instance,
            MqttPacketType.Disconnect => DisconnectPacket.Instance,
            _ => throw new ArgumentException($"header of type {header.Type} was not accepted by {nameof(TryReadFixedHeader)}", nameof(header)),
        };
        reader.ExpectEnd();
        return packet;
    }

    private static void CheckTypeAndFlags(MqttPacketType type, byte flags)
    {
        switch (type)
        {
            case 0 or (MqttPacketType)15:
                throw new MqttProtocolException(MqttProtocolError.ReservedPacketType, $"packet type {(int)type} is reserved");
            case MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp:
                throw new MqttProtocolException(MqttProtocolError.UnsupportedPacketType, $"{type} belongs to QoS 2, which this client does not use");
            case MqttPacketType.Publish:
                int qos = (flags >> 1) & 0x03;
                if (qos == 3)
                    throw new MqttProtocolException(MqttProtocolError.InvalidQos, "PUBLISH with QoS 3");
                if (qos == 2)
                    throw new MqttProtocolException(MqttProtocolError.UnsupportedQos, "PUBLISH with QoS 2, which this client does not use");
                if (qos == 0 && (flags & 0x08) != 0)
                    throw new MqttProtocolException(MqttProtocolError.InvalidFixedHeaderFlags, "a QoS 0 PUBLISH has the DUP flag set");
                return;
            default:
                int expected = type is MqttPacketType.Subscribe or MqttPacketType.Unsubscribe ? 0x02 : 0;
                if (flags != expected)
                    throw new MqttProtocolException(MqttProtocolError.InvalidFixedHeaderFlags, $"{type} has flags 0x{flags:X} instead of 0x{expected:X}");
                return;
        }
    }

    private static ConnectPacket ReadConnect(ref MqttReader reader)
    {
        string protocol = reader.ReadString("protocol name");
        if (protocol != "MQTT")
            throw new MqttProtocolException(MqttProtocolError.InvalidProtocolName, $"protocol name '{protocol}' instead of 'MQTT'");
        byte level = reader.ReadByte();
        if (level != 4)
            throw new MqttProtocolException(MqttProtocolError.UnsupportedProtocolLevel, $"protocol level {level}; MQTT 3.1.1 is level 4");
        byte flags = reader.ReadByte();
        bool hasWill = (flags & 0x04) != 0;
        int willQos = (flags >> 3) & 0x03;
        bool willRetain = (flags & 0x20) != 0;
        bool hasPassword = (flags & 0x40) != 0;
        bool hasUserName = (flags & 0x80) != 0;
        if ((flags & 0x01) != 0)
            throw new MqttProtocolException(MqttProtocolError.InvalidConnectFlags, "the reserved CONNECT flag is set");
        if (!hasWill && (willQos != 0 || willRetain))
            throw new MqttProtocolException(MqttProtocolError.InvalidConnectFlags, "will QoS or retain set without a will");
        if (hasPassword && !hasUserName)
            throw new MqttProtocolException(MqttProtocolError.InvalidConnectFlags, "password flag without user name flag");
        if (willQos == 3)
            throw new MqttProtocolException(MqttProtocolError.InvalidQos, "will QoS 3");
        if (willQos == 2)
            throw new MqttProtocolException(MqttProtocolError.UnsupportedQos, "will QoS 2, which this client does not use");
        ushort keepAlive = reader.ReadUInt16();
        string clientId = reader.ReadString("client identifier");
        MqttLastWill? will = null;
        if (hasWill)
        {
            string topic = ReadTopicName(ref reader, "will topic");
            will = new MqttLastWill(topic, reader.ReadBinary("will message"), (MqttQos)willQos, willRetain);
        }
        string? userName = hasUserName ? reader.ReadString("user name") : null;
        byte[]? password = hasPassword ? reader.ReadBinary("password") : null;
        return new ConnectPacket(clientId, (flags & 0x02) != 0, keepAlive, userName, password, will);
    }

    private static ConnAckPacket ReadConnAck(ref MqttReader reader)
    {
        byte acknowledgeFlags = reader.ReadByte();
        byte code = reader.ReadByte();
        if ((acknowledgeFlags & 0xFE) != 0)
            throw new MqttProtocolException(MqttProtocolError.InvalidConnAck, $"CONNACK acknowledge flags 0x{acknowledgeFlags:X2} set reserved bits");
        if (!Enum.IsDefined((ConnectReturnCode)code))
            throw new MqttProtocolException(MqttProtocolError.InvalidReturnCode, $"CONNACK return code {code} is not defined");
        bool sessionPresent = acknowledgeFlags == 1;
        if (sessionPresent && code != 0)
            throw new MqttProtocolException(MqttProtocolError.InvalidConnAck, "a refused CONNACK cannot have session present");
        return new ConnAckPacket(sessionPresent, (ConnectReturnCode)code);
    }

    private static PublishPacket ReadPublish(ref MqttReader reader, byte flags)
    {
        var qos = (MqttQos)((flags >> 1) & 0x03);
        string topic = ReadTopicName(ref reader, "topic name");
        ushort packetId = qos == MqttQos.AtMostOnce ? (ushort)0 : reader.ReadPacketId();
        return new PublishPacket(topic, reader.ReadRest(), qos, (flags & 0x01) != 0, (flags & 0x08) != 0, packetId);
    }

    private static SubscribePacket ReadSubscribe(ref MqttReader reader)
    {
        ushort packetId = reader.ReadPacketId();
        var subscriptions = new List<TopicSubscription>();
        while (reader.Remaining > 0)
        {
            string filter = ReadTopicFilter(ref reader);
            byte qos = reader.ReadByte();
            if (qos > 2)
                throw new MqttProtocolException(MqttProtocolError.InvalidQos, $"requested QoS byte 0x{qos:X2} for '{filter}'");
            if (qos == 2)
                throw new MqttProtocolException(MqttProtocolError.UnsupportedQos, $"requested QoS 2 for '{filter}', which this client does not use");
            subscriptions.Add(new TopicSubscription(filter, (MqttQos)qos));
        }
        CheckNotEmpty(subscriptions.Count, "SUBSCRIBE");
        return new SubscribePacket(packetId, subscriptions);
    }

    private static SubAckPacket ReadSubAck(ref MqttReader reader)
    {
        ushort packetId = reader.ReadPacketId();
        var codes = new List<SubscribeReturnCode>();
        while (reader.Remaining > 0)
        {
            var code = (SubscribeReturnCode)reader.ReadByte();
            if (!Enum.IsDefined(code))
                throw new MqttProtocolException(MqttProtocolError.InvalidReturnCode, $"SUBACK return code 0x{(byte)code:X2} is not defined");
            codes.Add(code);
        }
        CheckNotEmpty(codes.Count, "SUBACK");
        return new SubAckPacket(packetId, codes);
    }

    private static UnsubscribePacket ReadUnsubscribe(ref MqttReader reader)
    {
        ushort packetId = reader.ReadPacketId();
        var filters = new List<string>();
        while (reader.Remaining > 0)
            filters.Add(ReadTopicFilter(ref reader));
        CheckNotEmpty(filters.Count, "UNSUBSCRIBE");
        return new UnsubscribePacket(packetId, filters);
    }

    private static string ReadTopicName(ref MqttReader reader, string what)
    {
        string topic = reader.ReadString(what);
        string? problem = MqttTopic.ProblemWithName(topic);
        if (problem is not null)
            throw new MqttProtocolException(MqttProtocolError.InvalidTopicName, problem);
        return topic;
    }

    private static string ReadTopicFilter(ref MqttReader reader)
    {
        string filter = reader.ReadString("topic filter");
        string? problem = MqttTopic.ProblemWithFilter(filter);
        if (problem is not null)
            throw new MqttProtocolException(MqttProtocolError.InvalidTopicFilter, problem);
        return filter;
    }

    private static void CheckNotEmpty(int count, string packetName)
    {
        if (count == 0)
            throw new MqttProtocolException(MqttProtocolError.EmptyPayload, $"{packetName} has no entries");
    }
}
