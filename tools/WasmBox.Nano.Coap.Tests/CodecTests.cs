using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Coap.Tests.Support;

namespace WasmBox.Nano.Coap.Tests;

public class CodecTests
{
    static CoapDecodeError DecodeBytes(params byte[] data) => CoapCodec.Decode(data, data.Length, new CoapMessage(16, 0));

    [Fact]
    public void Header_token_options_and_payload_round_trip()
    {
        var bytes = Wire.Message(CoapMessageType.NonConfirmable, CoapCode.Post, 0xBEEF)
            .Token(1, 2, 3, 4, 5, 6, 7, 8)
            .Option(CoapOptionNumber.UriPath, "deploy")
            .Uint(CoapOptionNumber.ContentFormat, CoapContentFormat.Cbor)
            .Option(CoapOptionNumber.UriQuery, "slot=2")
            .Payload([0xA1, 0x01, 0x02])
            .Build();

        var decoded = Wire.Decode(bytes);

        Assert.Equal(CoapMessageType.NonConfirmable, decoded.Type);
        Assert.Equal(CoapCode.Post, decoded.Code);
        Assert.Equal(0xBEEF, decoded.MessageId);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, decoded.Token);
        Assert.Equal([CoapOptionNumber.UriPath, CoapOptionNumber.ContentFormat, CoapOptionNumber.UriQuery], decoded.Options.Select(o => o.Number));
        Assert.Equal((uint)CoapContentFormat.Cbor, decoded.Uint(CoapOptionNumber.ContentFormat));
        Assert.Equal(new byte[] { 0xA1, 0x01, 0x02 }, decoded.Payload);
    }

    [Fact]
    public void Known_bytes_of_a_get_request()
    {
        // CON GET, MID 0x1234, token 0x42, Uri-Path "a": 0x41 0x01 0x12 0x34 0x42 0xB1 'a'
        var bytes = Wire.Message(CoapMessageType.Confirmable, CoapCode.Get, 0x1234).Token(0x42).Option(CoapOptionNumber.UriPath, "a").Build();
        Assert.Equal(new byte[] { 0x41, 0x01, 0x12, 0x34, 0x42, 0xB1, (byte)'a' }, bytes);
    }

    [Theory]
    // Deltas and lengths at the edges of the 13 (one extra byte) and 14 (two extra bytes) encodings.
    [InlineData(12, 12)]
    [InlineData(13, 13)]
    [InlineData(268, 268)]
    [InlineData(269, 269)]
    [InlineData(1034, 1000)]
    [InlineData(65535, 0)]
    public void Extended_option_delta_and_length_round_trip(int number, int length)
    {
        var value = Patterns.Bytes(length);
        var bytes = Wire.Message(CoapMessageType.Confirmable, CoapCode.Get, 1).Option(number, value).Build();

        var decoded = Wire.Decode(bytes);

        var option = Assert.Single(decoded.Options);
        Assert.Equal(number, option.Number);
        Assert.Equal(value, option.Value);
    }

    [Fact]
    public void Extended_nibbles_are_used_on_the_wire()
    {
        var bytes = Wire.Message(CoapMessageType.Confirmable, CoapCode.Get, 1).Token().Option(300, new byte[14]).Build();
        // delta 300 -> nibble 14 + 2 bytes (300-269 = 31); length 14 -> nibble 13 + 1 byte (14-13 = 1)
        Assert.Equal(new byte[] { 0xED, 0x00, 31, 1 }, bytes[4..8]);
    }

    [Fact]
    public void Repeated_options_keep_their_order_and_options_are_sorted()
    {
        var bytes = Wire.Message(CoapMessageType.Confirmable, CoapCode.Get, 1)
            .Option(CoapOptionNumber.UriQuery, "q")
            .Option(CoapOptionNumber.UriPath, "x")
            .Option(CoapOptionNumber.UriPath, "y")
            .Build();

        var decoded = Wire.Decode(bytes);

        Assert.Equal(["x", "y", "q"], decoded.Options.Select(o => System.Text.Encoding.ASCII.GetString(o.Value)));
    }

    [Fact]
    public void Uint_options_use_the_shortest_form()
    {
        var message = new CoapMessage(8, 32);
        Assert.True(message.AddUintOption(CoapOptionNumber.ContentFormat, 0));
        Assert.True(message.AddUintOption(CoapOptionNumber.Size1, 0x10000));
        Assert.Equal(0, message.OptionLength(0));
        Assert.Equal(3, message.OptionLength(1));
        Assert.True(message.TryGetUint(CoapOptionNumber.Size1, out uint size));
        Assert.Equal(0x10000u, size);
    }

    [Fact]
    public void Empty_message_is_four_bytes()
    {
        Assert.Equal(CoapDecodeError.None, DecodeBytes(0x40, 0x00, 0x00, 0x01));
    }

    [Theory]
    [InlineData(CoapDecodeError.TooShort, new byte[] { 0x40, 0x01, 0x00 })]
    [InlineData(CoapDecodeError.UnsupportedVersion, new byte[] { 0x80, 0x01, 0x00, 0x01 })]
    [InlineData(CoapDecodeError.UnsupportedVersion, new byte[] { 0x00, 0x01, 0x00, 0x01 })]
    [InlineData(CoapDecodeError.TokenLengthReserved, new byte[] { 0x49, 0x01, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(CoapDecodeError.TokenLengthReserved, new byte[] { 0x4F, 0x01, 0x00, 0x01 })]
    [InlineData(CoapDecodeError.TruncatedToken, new byte[] { 0x44, 0x01, 0x00, 0x01, 1, 2 })]
    [InlineData(CoapDecodeError.OptionDeltaReserved, new byte[] { 0x40, 0x01, 0x00, 0x01, 0xF1, 0x00 })]
    [InlineData(CoapDecodeError.OptionLengthReserved, new byte[] { 0x40, 0x01, 0x00, 0x01, 0xBF })]
    [InlineData(CoapDecodeError.TruncatedOptionHeader, new byte[] { 0x40, 0x01, 0x00, 0x01, 0xD0 })]
    [InlineData(CoapDecodeError.TruncatedOptionHeader, new byte[] { 0x40, 0x01, 0x00, 0x01, 0xE0, 0x00 })]
    [InlineData(CoapDecodeError.TruncatedOptionHeader, new byte[] { 0x40, 0x01, 0x00, 0x01, 0x1D })]
    [InlineData(CoapDecodeError.TruncatedOptionHeader, new byte[] { 0x40, 0x01, 0x00, 0x01, 0x1E, 0x01 })]
    [InlineData(CoapDecodeError.TruncatedOptionValue, new byte[] { 0x40, 0x01, 0x00, 0x01, 0xB3, (byte)'a', (byte)'b' })]
    [InlineData(CoapDecodeError.OptionNumberTooLarge, new byte[] { 0x40, 0x01, 0x00, 0x01, 0xE0, 0xFE, 0xF2, 0x10 })]
    [InlineData(CoapDecodeError.EmptyPayloadAfterMarker, new byte[] { 0x40, 0x02, 0x00, 0x01, 0xFF })]
    [InlineData(CoapDecodeError.EmptyMessageNotEmpty, new byte[] { 0x41, 0x00, 0x00, 0x01, 0x42 })]
    [InlineData(CoapDecodeError.EmptyMessageNotEmpty, new byte[] { 0x40, 0x00, 0x00, 0x01, 0xFF, 0x01 })]
    [InlineData(CoapDecodeError.ReservedCodeClass, new byte[] { 0x40, 0x21, 0x00, 0x01 })]
    [InlineData(CoapDecodeError.ReservedCodeClass, new byte[] { 0x40, 0xC0, 0x00, 0x01 })]
    [InlineData(CoapDecodeError.ReservedCodeClass, new byte[] { 0x40, 0xE0, 0x00, 0x01 })]
    public void Malformed_messages_have_specific_errors(CoapDecodeError expected, byte[] datagram)
    {
        Assert.Equal(expected, DecodeBytes(datagram));
    }

    [Fact]
    public void More_options_than_the_table_holds_is_reported()
    {
        var message = new CoapMessage(2, 0);
        var data = new byte[] { 0x40, 0x01, 0x00, 0x01, 0xB0, 0x00, 0x00 };
        Assert.Equal(CoapDecodeError.TooManyOptions, CoapCodec.Decode(data, data.Length, message));
    }

    [Fact]
    public void Header_fields_survive_a_later_error_so_a_reset_can_name_the_message()
    {
        var message = new CoapMessage(4, 0);
        var data = new byte[] { 0x40, 0x01, 0xAB, 0xCD, 0xBF };
        Assert.Equal(CoapDecodeError.OptionLengthReserved, CoapCodec.Decode(data, data.Length, message));
        Assert.Equal(CoapMessageType.Confirmable, message.Type);
        Assert.Equal(0xABCD, message.MessageId);
    }

    [Fact]
    public void Encode_refuses_a_buffer_that_is_too_small()
    {
        var message = new CoapMessage(4, 16);
        message.Code = CoapCode.Content;
        message.SetPayload(new byte[100], 0, 100);
        Assert.Equal(-1, CoapCodec.Encode(message, new byte[50]));
        Assert.Equal(105, CoapCodec.Encode(message, new byte[105]));
    }

    [Fact]
    public void Decoding_random_bytes_never_throws()
    {
        var message = new CoapMessage(8, 0);
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), data =>
        {
            CoapCodec.Decode(data, data.Length, message);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_messages_round_trip()
    {
        var options = Gen.Choose(0, 2000).Zip(Gen.Choose(0, 300)).ListOf().Select(list => list.Take(12).ToArray());
        var gen = from type in Gen.Choose(0, 3)
                  from code in Gen.Elements<byte>(CoapCode.Get, CoapCode.Post, CoapCode.Content, CoapCode.NotFound)
                  from id in Gen.Choose(0, 65535)
                  from tokenLength in Gen.Choose(0, 8)
                  from opts in options
                  from payloadLength in Gen.Choose(0, 600)
                  select (type, code, id, tokenLength, opts, payloadLength);

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var message = new CoapMessage(16, 8192);
            message.Type = (CoapMessageType)sample.type;
            message.Code = sample.code;
            message.MessageId = sample.id;
            message.SetToken(Patterns.Bytes(sample.tokenLength), 0, sample.tokenLength);
            foreach (var (number, length) in sample.opts) Assert.True(message.AddOption(number, Patterns.Bytes(length, number), 0, length));
            var payload = Patterns.Bytes(sample.payloadLength, 3);
            message.SetPayload(payload, 0, payload.Length);

            var buffer = new byte[16384];
            int written = CoapCodec.Encode(message, buffer);
            var decoded = new CoapMessage(16, 0);
            var error = CoapCodec.Decode(buffer, written, decoded);

            return written == CoapCodec.EncodedLength(message) && error == CoapDecodeError.None
                && Decoded.From(decoded) is var d
                && d.Type == message.Type && d.Code == message.Code && d.MessageId == message.MessageId
                && d.Token.SequenceEqual(Patterns.Bytes(sample.tokenLength))
                && d.Payload.SequenceEqual(payload)
                && SameOptions(d, sample.opts);
        }).QuickCheckThrowOnFailure();
    }

    // Options come back sorted by number, repeated numbers in the order they were added (OrderBy is stable).
    static bool SameOptions(Decoded decoded, (int Number, int Length)[] added)
    {
        var expected = added.OrderBy(o => o.Number).Select(o => (o.Number, Patterns.Bytes(o.Length, o.Number))).ToArray();
        return decoded.Options.Length == expected.Length
            && decoded.Options.Zip(expected).All(p => p.First.Number == p.Second.Number && p.First.Value.SequenceEqual(p.Second.Item2));
    }

    [Theory]
    [InlineData(0, false, 0, 0x00u)]
    [InlineData(1, true, 6, 0x1Eu)]
    [InlineData(0xFFFFF, false, 2, 0xFFFFF2u)]
    public void Block_option_values(int number, bool more, int exponent, uint encoded)
    {
        var block = new BlockOption(number, more, exponent);
        Assert.Equal(encoded, block.Encode());
        Assert.Equal(block, BlockOption.Decode(encoded));
        Assert.Equal(16 << exponent, block.Size);
    }
}
