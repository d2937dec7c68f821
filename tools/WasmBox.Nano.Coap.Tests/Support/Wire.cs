namespace WasmBox.Nano.Coap.Tests.Support;

/// <summary>Builds request datagrams for tests, and decodes datagrams into plain snapshots.</summary>
internal sealed class Wire
{
    readonly CoapMessage _message = new(64, 4096);

    Wire(CoapMessageType type, byte code, int messageId)
    {
        _message.Reset();
        _message.Type = type;
        _message.Code = code;
        _message.MessageId = messageId;
        _message.SetToken([0xCA, 0xFE], 0, 2);
    }

    public static Wire Con(byte code, string path, int messageId = 0x1234) => new Wire(CoapMessageType.Confirmable, code, messageId).Path(path);

    public static Wire Non(byte code, string path, int messageId = 0x1234) => new Wire(CoapMessageType.NonConfirmable, code, messageId).Path(path);

    public static Wire Message(CoapMessageType type, byte code, int messageId) => new(type, code, messageId);

    Wire Path(string path)
    {
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries)) Option(CoapOptionNumber.UriPath, segment);
        return this;
    }

    public Wire Token(params byte[] token)
    {
        _message.SetToken(token, 0, token.Length);
        return this;
    }

    public Wire Option(int number, string text) => Option(number, System.Text.Encoding.UTF8.GetBytes(text));

    public Wire Option(int number, byte[] value)
    {
        Assert.True(_message.AddOption(number, value, 0, value.Length));
        return this;
    }

    public Wire Uint(int number, uint value)
    {
        Assert.True(_message.AddUintOption(number, value));
        return this;
    }

    public Wire Block1(int number, bool more, int exponent) => Uint(CoapOptionNumber.Block1, new BlockOption(number, more, exponent).Encode());

    public Wire Block2(int number, int exponent) => Uint(CoapOptionNumber.Block2, new BlockOption(number, false, exponent).Encode());

    public Wire Payload(byte[] payload)
    {
        _message.SetPayload(payload, 0, payload.Length);
        return this;
    }

    public byte[] Build()
    {
        var buffer = new byte[65536];
        int length = CoapCodec.Encode(_message, buffer);
        Assert.True(length > 0);
        return buffer[..length];
    }

    public static Decoded Decode(byte[] datagram)
    {
        var message = new CoapMessage(64, 0);
        Assert.Equal(CoapDecodeError.None, CoapCodec.Decode(datagram, datagram.Length, message));
        return Decoded.From(message);
    }
}

/// <summary>A decoded message copied out of its buffer.</summary>
internal sealed record Decoded(CoapMessageType Type, byte Code, int MessageId, byte[] Token, (int Number, byte[] Value)[] Options, byte[] Payload)
{
    public static Decoded From(CoapMessage m)
    {
        var token = new byte[m.TokenLength];
        m.CopyToken(token, 0);
        var options = Enumerable.Range(0, m.OptionCount)
            .Select(i => (m.OptionNumber(i), m.OptionValues.AsSpan(m.OptionOffset(i), m.OptionLength(i)).ToArray()))
            .ToArray();
        var payload = m.PayloadLength == 0 ? [] : m.PayloadBuffer.AsSpan(m.PayloadOffset, m.PayloadLength).ToArray();
        return new Decoded(m.Type, m.Code, m.MessageId, token, options, payload);
    }

    public string CodeText => CoapCode.ToText(Code);

    public string Text => System.Text.Encoding.UTF8.GetString(Payload);

    public bool Has(int number) => Options.Any(o => o.Number == number);

    public uint Uint(int number)
    {
        var value = Options.Single(o => o.Number == number).Value;
        return value.Aggregate(0u, (acc, b) => (acc << 8) | b);
    }

    public BlockOption Block(int number) => BlockOption.Decode(Uint(number));
}
