using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>What a <see cref="MqttConnection"/> reports to the session that owns it.</summary>
internal interface IConnectionObserver
{
    /// <summary>A packet other than PINGRESP; throwing <see cref="Codec.MqttProtocolException"/> closes the connection.</summary>
    void OnPacket(MqttConnection connection, MqttPacket packet);

    void OnPingCompleted(TimeSpan roundTrip);

    /// <summary>Called once, synchronously, when the connection closes; null reason means closed on purpose.</summary>
    void OnClosed(MqttConnection connection, Exception? reason);
}
