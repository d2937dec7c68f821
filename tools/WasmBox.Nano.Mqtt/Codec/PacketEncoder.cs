using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Topics;

namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>
/// Encodes packets to their wire form. A packet that MQTT 3.1.1 would not accept (a wildcard in a
/// topic name, packet identifier 0, an over-long string...) throws <see cref="MqttProtocolException"/>.
/// </summary>
public static class PacketEncoder
{
    private const byte DupFlag = 0x08;

    public static byte[] Encode(MqttPacket packet) => packet switch
    {
        ConnectPacket connect => EncodeConnect(connect),
        ConnAckPacket connAck => EncodeConnAck(connAck),
        PublishPacket publish => EncodePublish(publish),
        PubAckPacket pubAck => EncodePacketIdOnly(MqttPacketType.PubAck, pubAck.PacketId),
        SubscribePacket subscribe => EncodeSubscribe(subscribe),
        SubAckPacket subAck => EncodeSubAck(subAck),
        UnsubscribePacket unsubscribe => EncodeUnsubscribe(unsubscribe),
        UnsubAckPacket unsubAck => EncodePacketIdOnly(MqttPacketType.UnsubAck, unsubAck.PacketId),
        PingReqPacket or PingRespPacket or DisconnectPacket => [FirstByte(packet.Type), 0],
        _ => throw new ArgumentException($"packet type {packet.Type} is not supported", nameof(packet)),
    };

    /// <summary>A copy of an encoded PUBLISH with the DUP flag set, for retransmission.</summary>
    public static byte[] WithDupFlag(byte[] encodedPublish)
    {
        byte[] copy = (byte[])encodedPublish.Clone();
        copy[0] |= DupFlag;
        return copy;
    }

    private static byte FirstByte(MqttPacketType type, int flags = 0) => (byte)(((int)type << 4) | flags);

    private static byte[] EncodeConnect(ConnectPacket packet)
    {
        byte[] clientId = MqttStrings.Encode(packet.ClientId, "client identifier");
        byte[]? userName = packet.UserName is null ? null : MqttStrings.Encode(packet.UserName, "user name");
        if (packet.Password is not null && userName is null)
            throw new MqttProtocolException(MqttProtocolError.InvalidConnectFlags, "a password needs a user name in MQTT 3.1.1");
        byte[]? willTopic = null;
        if (packet.Will is not null)
        {
            CheckQos(packet.Will.Qos);
            willTopic = EncodeTopicName(packet.Will.Topic);
            CheckBinaryLength(packet.Will.Payload, "will message");
        }
        if (packet.Password is not null)
            CheckBinaryLength(packet.Password, "password");

        int flags = packet.CleanSession ? 0x02 : 0;
        if (packet.Will is not null)
            flags |= 0x04 | ((int)packet.Will.Qos << 3) | (packet.Will.Retain ? 0x20 : 0);
        if (packet.Password is not null)
            flags |= 0x40;
        if (userName is not null)
            flags |= 0x80;

        // Protocol name (2 + 4), level, flags, keep-alive.
        int length = 10 + 2 + clientId.Length
            + (packet.Will is null ? 0 : 2 + willTopic!.Length + 2 + packet.Will.Payload.Length)
            + (userName is null ? 0 : 2 + userName.Length)
            + (packet.Password is null ? 0 : 2 + packet.Password.Length);
        var writer = new MqttWriter(FirstByte(MqttPacketType.Connect), length);
        writer.WriteField("MQTT"u8);
        writer.WriteByte(4);
        writer.WriteByte((byte)flags);
        writer.WriteUInt16(packet.KeepAliveSeconds);
        writer.WriteField(clientId);
        if (packet.Will is not null)
        {
            writer.WriteField(willTopic);
            writer.WriteField(packet.Will.Payload);
        }
        if (userName is not null)
            writer.WriteField(userName);
        if (packet.Password is not null)
            writer.WriteField(packet.Password);
        return writer.Finish();
    }

    private static byte[] EncodeConnAck(ConnAckPacket packet)
    {
        if (!Enum.IsDefined(packet.ReturnCode))
            throw new MqttProtocolException(MqttProtocolError.InvalidReturnCode, $"CONNACK return code {(byte)packet.ReturnCode} is not defined");
        if (packet.SessionPresent && packet.ReturnCode != ConnectReturnCode.Accepted)
            throw new MqttProtocolException(MqttProtocolError.InvalidConnAck, "a refused CONNACK cannot have session present");
        return [FirstByte(MqttPacketType.ConnAck), 2, packet.SessionPresent ? (byte)1 : (byte)0, (byte)packet.ReturnCode];
    }

    private static byte[] EncodePublish(PublishPacket packet)
    {
        CheckQos(packet.Qos);
        byte[] topic = EncodeTopicName(packet.Topic);
        bool hasPacketId = packet.Qos != MqttQos.AtMostOnce;
        if (hasPacketId)
            CheckPacketId(packet.PacketId, "PUBLISH");
        else if (packet.PacketId != 0 || packet.Dup)
            throw new MqttProtocolException(MqttProtocolError.InvalidFixedHeaderFlags, "a QoS 0 PUBLISH has neither a packet identifier nor DUP");

        int flags = ((int)packet.Qos << 1) | (packet.Retain ? 1 : 0) | (packet.Dup ? DupFlag : 0);
        long length = 2L + topic.Length + (hasPacketId ? 2 : 0) + packet.Payload.Length;
        if (length > RemainingLength.MaxValue)
            throw new MqttProtocolException(MqttProtocolError.PacketTooLarge, $"a PUBLISH of {length} bytes exceeds MQTT's limit of {RemainingLength.MaxValue}");
        var writer = new MqttWriter(FirstByte(MqttPacketType.Publish, flags), (int)length);
        writer.WriteField(topic);
        if (hasPacketId)
            writer.WriteUInt16(packet.PacketId);
        writer.WriteBytes(packet.Payload);
        return writer.Finish();
    }

    private static byte[] EncodePacketIdOnly(MqttPacketType type, ushort packetId)
    {
        CheckPacketId(packetId, type.ToString());
        return [FirstByte(type), 2, (byte)(packetId >> 8), (byte)packetId];
    }

    private static byte[] EncodeSubscribe(SubscribePacket packet)
    {
        CheckPacketId(packet.PacketId, "SUBSCRIBE");
        CheckNotEmpty(packet.Subscriptions.Count, "SUBSCRIBE");
        var filters = new byte[packet.Subscriptions.Count][];
        int length = 2;
        for (int i = 0; i < filters.Length; i++)
        {
            CheckQos(packet.Subscriptions[i].Qos);
            filters[i] = EncodeTopicFilter(packet.Subscriptions[i].Filter);
            length += 2 + filters[i].Length + 1;
        }
        var writer = new MqttWriter(FirstByte(MqttPacketType.Subscribe, 0x02), length);
        writer.WriteUInt16(packet.PacketId);
        for (int i = 0; i < filters.Length; i++)
        {
            writer.WriteField(filters[i]);
            writer.WriteByte((byte)packet.Subscriptions[i].Qos);
        }
        return writer.Finish();
    }

    private static byte[] EncodeSubAck(SubAckPacket packet)
    {
        CheckPacketId(packet.PacketId, "SUBACK");
        CheckNotEmpty(packet.ReturnCodes.Count, "SUBACK");
        var writer = new MqttWriter(FirstByte(MqttPacketType.SubAck), 2 + packet.ReturnCodes.Count);
        writer.WriteUInt16(packet.PacketId);
        foreach (SubscribeReturnCode code in packet.ReturnCodes)
        {
            if (!Enum.IsDefined(code))
                throw new MqttProtocolException(MqttProtocolError.InvalidReturnCode, $"SUBACK return code 0x{(byte)code:X2} is not defined");
            writer.WriteByte((byte)code);
        }
        return writer.Finish();
    }

    private static byte[] EncodeUnsubscribe(UnsubscribePacket packet)
    {
        CheckPacketId(packet.PacketId, "UNSUBSCRIBE");
        CheckNotEmpty(packet.Filters.Count, "UNSUBSCRIBE");
        byte[][] filters = packet.Filters.Select(EncodeTopicFilter).ToArray();
        var writer = new MqttWriter(FirstByte(MqttPacketType.Unsubscribe, 0x02), 2 + filters.Sum(f => 2 + f.Length));
        writer.WriteUInt16(packet.PacketId);
        foreach (byte[] filter in filters)
            writer.WriteField(filter);
        return writer.Finish();
    }

    private static byte[] EncodeTopicName(string topic)
    {
        string? problem = MqttTopic.ProblemWithName(topic);
        if (problem is not null)
            throw new MqttProtocolException(MqttProtocolError.InvalidTopicName, problem);
        return MqttStrings.Encode(topic, "topic name");
    }

    private static byte[] EncodeTopicFilter(string filter)
    {
        string? problem = MqttTopic.ProblemWithFilter(filter);
        if (problem is not null)
            throw new MqttProtocolException(MqttProtocolError.InvalidTopicFilter, problem);
        return MqttStrings.Encode(filter, "topic filter");
    }

    private static void CheckQos(MqttQos qos)
    {
        if (qos is not (MqttQos.AtMostOnce or MqttQos.AtLeastOnce))
            throw new MqttProtocolException(MqttProtocolError.UnsupportedQos, $"QoS {(byte)qos} is not supported; use 0 or 1");
    }

    private static void CheckPacketId(ushort packetId, string packetName)
    {
        if (packetId == 0)
            throw new MqttProtocolException(MqttProtocolError.InvalidPacketId, $"{packetName} needs a non-zero packet identifier");
    }

    private static void CheckNotEmpty(int count, string packetName)
    {
        if (count == 0)
            throw new MqttProtocolException(MqttProtocolError.EmptyPayload, $"{packetName} needs at least one entry");
    }

    private static void CheckBinaryLength(byte[] value, string what)
    {
        if (value.Length > ushort.MaxValue)
            throw new MqttProtocolException(MqttProtocolError.FieldTooLong, $"{what} is {value.Length} bytes long; the limit is {ushort.MaxValue}");
    }
}
