namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>Why a packet could not be decoded or encoded; each is a distinct protocol violation.</summary>
public enum MqttProtocolError
{
    /// <summary>The remaining-length field continues past its fourth byte.</summary>
    RemainingLengthTooLong,
    /// <summary>The remaining length is encoded in more bytes than its value needs.</summary>
    RemainingLengthNotMinimal,
    /// <summary>The packet is larger than the configured maximum (or than MQTT allows).</summary>
    PacketTooLarge,
    /// <summary>The packet ends before a field it announces.</summary>
    Truncated,
    /// <summary>The packet carries bytes after its last field.</summary>
    TrailingBytes,
    /// <summary>Packet type 0 or 15.</summary>
    ReservedPacketType,
    /// <summary>A QoS 2 flow packet (PUBREC, PUBREL, PUBCOMP); this client speaks QoS 0 and 1 only.</summary>
    UnsupportedPacketType,
    /// <summary>The fixed-header flags are not the ones MQTT 3.1.1 fixes for the packet type.</summary>
    InvalidFixedHeaderFlags,
    /// <summary>A QoS field holds 3, or reserved bits next to it are set.</summary>
    InvalidQos,
    /// <summary>QoS 2, which this client does not implement.</summary>
    UnsupportedQos,
    /// <summary>A packet identifier of 0 where a non-zero one is required.</summary>
    InvalidPacketId,
    /// <summary>A string that is not well-formed UTF-8, contains U+0000, or exceeds 65535 bytes.</summary>
    InvalidString,
    /// <summary>A binary field longer than 65535 bytes.</summary>
    FieldTooLong,
    InvalidTopicName,
    InvalidTopicFilter,
    /// <summary>CONNECT names a protocol other than "MQTT".</summary>
    InvalidProtocolName,
    /// <summary>CONNECT asks for a protocol level other than 4 (MQTT 3.1.1).</summary>
    UnsupportedProtocolLevel,
    /// <summary>Reserved CONNECT flag set, or will/user/password flags that contradict each other.</summary>
    InvalidConnectFlags,
    /// <summary>CONNACK with reserved bits set, or a session-present flag on a refusal.</summary>
    InvalidConnAck,
    /// <summary>A CONNACK or SUBACK return code MQTT 3.1.1 does not define.</summary>
    InvalidReturnCode,
    /// <summary>SUBSCRIBE, SUBACK or UNSUBSCRIBE without a single entry.</summary>
    EmptyPayload,
    /// <summary>A well-formed packet that is not allowed at this point of the session.</summary>
    UnexpectedPacket,
}
