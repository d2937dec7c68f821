using System.Text;

namespace WasmBox.Nano.Sim.Session;

/// <summary>
/// One CoAP request a client sent to the board and what came back, with the board-clock window
/// (ms) the request was handled in, so checks can recompute what the answer should have said.
/// </summary>
public sealed record CoapReply(string Path, long StartMs, long EndMs, bool Answered, int Code, int Format, byte[] Payload)
{
    /// <summary>CoAP's 2.05 Content, as a code byte (class 2 &lt;&lt; 5 | detail 5).</summary>
    public const int Content = (2 << 5) | 5;

    public string PayloadText => Encoding.UTF8.GetString(Payload);
}
