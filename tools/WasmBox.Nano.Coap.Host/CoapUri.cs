using System.Text;

namespace WasmBox.Nano.Coap.Host;

/// <summary>A request target "path/to/x?a=1&amp;b" split into Uri-Path and Uri-Query option values (UTF-8, not percent-decoded).</summary>
internal sealed record CoapUri(IReadOnlyList<byte[]> PathSegments, IReadOnlyList<byte[]> Queries)
{
    public static CoapUri Parse(string target)
    {
        int question = target.IndexOf('?');
        string path = question < 0 ? target : target[..question];
        string query = question < 0 ? "" : target[(question + 1)..];
        return new CoapUri(Split(path.TrimStart('/'), '/'), Split(query, '&'));
    }

    static byte[][] Split(string text, char separator) => text.Length == 0
        ? []
        : text.Split(separator).Select(Encoding.UTF8.GetBytes).ToArray();

    public void AddTo(CoapMessage message)
    {
        foreach (var segment in PathSegments) Add(message, CoapOptionNumber.UriPath, segment);
        foreach (var query in Queries) Add(message, CoapOptionNumber.UriQuery, query);
    }

    static void Add(CoapMessage message, int number, byte[] value)
    {
        if (value.Length > 255) throw new ArgumentException("a path segment or query is longer than 255 bytes");
        if (!message.AddOption(number, value, 0, value.Length)) throw new ArgumentException("too many path segments or queries");
    }
}
