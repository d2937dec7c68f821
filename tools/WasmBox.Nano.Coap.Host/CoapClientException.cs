namespace WasmBox.Nano.Coap.Host;

/// <summary>The exchange failed at the protocol level: no answer after every retransmission, a Reset, or an inconsistent block-wise transfer.</summary>
public sealed class CoapClientException(string message) : Exception(message);
