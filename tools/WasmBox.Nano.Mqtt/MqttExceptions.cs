using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt;

/// <summary>The broker could not be reached, or refused the connection (<see cref="ReturnCode"/> says why).</summary>
public sealed class MqttConnectException(string message, ConnectReturnCode? returnCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public ConnectReturnCode? ReturnCode { get; } = returnCode;
}

/// <summary>The broker answered a SUBSCRIBE with failure (0x80).</summary>
public sealed class MqttSubscribeException(string filter)
    : Exception($"the broker refused the subscription to '{filter}' (SUBACK 0x80)")
{
    public string Filter { get; } = filter;
}

/// <summary>The operation needs a connection the client does not have (not connected yet, lost, or closed).</summary>
public sealed class MqttNotConnectedException(string message, Exception? inner = null) : Exception(message, inner);
