namespace WasmBox.Nano.Mqtt;

/// <summary>The broker could not be reached, the TLS handshake failed, or the broker refused the connection; the message says which and what to do.</summary>
public sealed class MqttConnectException(string message, Exception? inner = null, bool transient = false) : Exception(message, inner)
{
    /// <summary>Trying again later may work (nothing listening yet, a timeout, a busy broker); false for TLS, credential and file problems.</summary>
    public bool Transient { get; } = transient;
}

/// <summary>The broker refused a subscription (not allowed by its access control, or an invalid filter).</summary>
public sealed class MqttSubscribeException(string filter, string reason)
    : Exception("the broker refused the subscription to '" + filter + "' (" + reason + ")")
{
    public string Filter { get; } = filter;
}

/// <summary>The operation needs a connection the session does not have (not connected yet, lost, or closed).</summary>
public sealed class MqttNotConnectedException(string message, Exception? inner = null) : Exception(message, inner);
