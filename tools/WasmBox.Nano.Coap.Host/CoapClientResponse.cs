using System.Text;

namespace WasmBox.Nano.Coap.Host;

/// <summary>A complete response: code, Content-Format (-1 when absent) and the whole body, reassembled when block-wise.</summary>
public sealed record CoapClientResponse(byte Code, int ContentFormat, byte[] Payload)
{
    /// <summary>"2.05", "4.04" ...</summary>
    public string CodeText => CoapCode.ToText(Code);
    public bool IsSuccess => CoapCode.IsSuccess(Code);
    public string PayloadText => Encoding.UTF8.GetString(Payload);
    public override string ToString() => Payload.Length == 0 ? CodeText : CodeText + " " + PayloadText;
}
