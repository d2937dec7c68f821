using System.Net;

namespace WasmBox.Nano.Coap.Host;

/// <summary>
/// A small CoAP client (RFC 7252) for the host: Confirmable requests with retransmission, Block1
/// upload of large bodies and Block2 download of large responses (RFC 7959). Not thread-safe.
/// </summary>
public sealed class CoapClient : IDisposable
{
    const int RequestOptions = 64;
    const int RequestOptionBytes = 4096;
    readonly CoapClientOptions _options;
    readonly ConfirmableExchange _exchange;
    readonly CoapMessage _request = new(RequestOptions, RequestOptionBytes);
    readonly CoapMessage _response = new(RequestOptions, 0);

    public CoapClient(IPEndPoint server, CoapClientOptions? options = null)
    {
        _options = options ?? new CoapClientOptions();
        if (_options.BlockSizeExponent is < 0 or > BlockOption.MaxSizeExponent)
            throw new ArgumentOutOfRangeException(nameof(options), "BlockSizeExponent must be 0..6");
        _exchange = new ConfirmableExchange(server, _options);
    }

    /// <summary>Datagrams sent again because no answer came in time, over the client's life.</summary>
    public int Retransmissions => _exchange.Retransmissions;

    public CoapClientResponse Get(string target, int accept = CoapContentFormat.None) =>
        Send(CoapCode.Get, target, [], CoapContentFormat.None, accept);

    public CoapClientResponse Post(string target, byte[] body, int contentFormat = CoapContentFormat.None) =>
        Send(CoapCode.Post, target, body, contentFormat, CoapContentFormat.None);

    public CoapClientResponse Put(string target, byte[] body, int contentFormat = CoapContentFormat.None) =>
        Send(CoapCode.Put, target, body, contentFormat, CoapContentFormat.None);

    public CoapClientResponse Delete(string target) =>
        Send(CoapCode.Delete, target, [], CoapContentFormat.None, CoapContentFormat.None);

    /// <summary>
    /// Sends <paramref name="body"/> (block-wise when it exceeds one block) to <paramref name="target"/>
    /// ("deploy", "fn/state?slot=1") and returns the whole response, following Block2 for GET.
    /// </summary>
    public CoapClientResponse Send(byte method, string target, byte[] body, int contentFormat, int accept)
    {
        var uri = CoapUri.Parse(target);
        Upload(method, uri, body, contentFormat, accept);
        return method == CoapCode.Get ? Download(uri, accept) : Snapshot();
    }

    /// <summary>Sends the body in Block1 blocks, following the block size the server asks for; the last response stays in <see cref="_response"/>.</summary>
    void Upload(byte method, CoapUri uri, byte[] body, int contentFormat, int accept)
    {
        int exponent = _options.BlockSizeExponent;
        bool blockwise = body.Length > BlockOption.SizeOf(exponent);
        int offset = 0;
        while (true)
        {
            int size = BlockOption.SizeOf(exponent);
            int length = Math.Min(size, body.Length - offset);
            bool more = offset + length < body.Length;
            Begin(method, uri, contentFormat, accept);
            if (blockwise)
            {
                _request.AddUintOption(CoapOptionNumber.Block1, new BlockOption(offset / size, more, exponent).Encode());
                if (offset == 0) _request.AddUintOption(CoapOptionNumber.Size1, (uint)body.Length);
            }
            if (method == CoapCode.Get) _request.AddUintOption(CoapOptionNumber.Block2, new BlockOption(0, false, _options.BlockSizeExponent).Encode());
            _request.SetPayload(body, offset, length);
            _exchange.Run(_request, _response);

            if (!more || _response.Code != CoapCode.Continue) return;
            var acknowledged = ReadBlock(CoapOptionNumber.Block1);
            if (acknowledged is { } ack && ack.SizeExponent < exponent) exponent = ack.SizeExponent;
            offset += length;
        }
    }

    /// <summary>Collects the rest of a Block2 response whose first block is in <see cref="_response"/>.</summary>
    CoapClientResponse Download(CoapUri uri, int accept)
    {
        var block = ReadBlock(CoapOptionNumber.Block2);
        if (block is not { More: true } || !CoapCode.IsSuccess(_response.Code)) return Snapshot();
        if (block.Value.Number != 0) throw new CoapClientException("the first Block2 response is not block 0");

        var body = new MemoryStream();
        int contentFormat = ContentFormatOf(_response);
        while (true)
        {
            var current = block!.Value;
            if (current.Offset != body.Length) throw new CoapClientException($"Block2 at offset {current.Offset}, expected {body.Length}");
            if (body.Length + _response.PayloadLength > _options.MaxResponseBody)
                throw new CoapClientException($"response body exceeds {_options.MaxResponseBody} bytes");
            body.Write(_response.PayloadBuffer ?? [], _response.PayloadOffset, _response.PayloadLength);
            if (!current.More) return new CoapClientResponse(_response.Code, contentFormat, body.ToArray());
            if (_response.PayloadLength != current.Size) throw new CoapClientException("a non-final Block2 is shorter than its block size");

            Begin(CoapCode.Get, uri, CoapContentFormat.None, accept);
            _request.AddUintOption(CoapOptionNumber.Block2, new BlockOption(current.Number + 1, false, current.SizeExponent).Encode());
            _exchange.Run(_request, _response);
            if (!CoapCode.IsSuccess(_response.Code)) return Snapshot();
            block = ReadBlock(CoapOptionNumber.Block2) ?? throw new CoapClientException("a Block2 continuation came back without Block2");
        }
    }

    void Begin(byte method, CoapUri uri, int contentFormat, int accept)
    {
        _request.Reset();
        _request.Code = method;
        uri.AddTo(_request);
        if (contentFormat != CoapContentFormat.None) _request.AddUintOption(CoapOptionNumber.ContentFormat, (uint)contentFormat);
        if (accept != CoapContentFormat.None) _request.AddUintOption(CoapOptionNumber.Accept, (uint)accept);
    }

    BlockOption? ReadBlock(int option)
    {
        if (!_response.TryGetUint(option, out uint raw)) return null;
        var block = BlockOption.Decode(raw);
        if (block.SizeExponent > BlockOption.MaxSizeExponent) throw new CoapClientException("the server sent the reserved block size exponent 7");
        return block;
    }

    CoapClientResponse Snapshot()
    {
        var payload = new byte[_response.PayloadLength];
        if (payload.Length > 0) Array.Copy(_response.PayloadBuffer!, _response.PayloadOffset, payload, 0, payload.Length);
        return new CoapClientResponse(_response.Code, ContentFormatOf(_response), payload);
    }

    static int ContentFormatOf(CoapMessage message) =>
        message.TryGetUint(CoapOptionNumber.ContentFormat, out uint value) && value <= 65535 ? (int)value : CoapContentFormat.None;

    public void Dispose() => _exchange.Dispose();
}
