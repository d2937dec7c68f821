using WasmBox.Nano.Coap.Tests.Support;

namespace WasmBox.Nano.Coap.Tests;

public class BlockwiseTests
{
    readonly ServerHarness _harness = new(new CoapServerOptions { MaxRequestBody = 4096, MaxResponseBody = 4096 });
    readonly TestResource _deploy;

    public BlockwiseTests()
    {
        _deploy = new TestResource((request, response) =>
        {
            response.Code = CoapCode.Created;
            response.WriteAscii("got ");
            response.WriteDecimal(request.BodyLength);
        });
        _harness.Server.Register("deploy", _deploy, CoapMethods.Post | CoapMethods.Put, 3000);
    }

    /// <summary>Sends <paramref name="body"/> in blocks of 2^(exponent+4) bytes, returning every response.</summary>
    List<Decoded> Upload(byte[] body, int exponent, int firstMessageId = 1, object? remote = null)
    {
        int size = 16 << exponent;
        var responses = new List<Decoded>();
        for (int offset = 0, number = 0; offset < body.Length || number == 0; offset += size, number++)
        {
            int length = Math.Min(size, body.Length - offset);
            bool more = offset + length < body.Length;
            responses.Add(_harness.Exchange(Wire.Con(CoapCode.Post, "deploy", firstMessageId + number)
                .Block1(number, more, exponent).Payload(body.AsSpan(offset, length).ToArray()), remote));
        }
        return responses;
    }

    [Theory]
    [InlineData(2999, 4)]
    [InlineData(3000, 6)]
    [InlineData(64, 2)]
    [InlineData(65, 2)]
    public void Block1_body_is_reassembled_byte_exact(int length, int exponent)
    {
        var body = Patterns.Bytes(length);

        var responses = Upload(body, exponent);

        Assert.All(responses[..^1], r =>
        {
            Assert.Equal("2.31", r.CodeText);
            Assert.True(r.Block(CoapOptionNumber.Block1).More);
        });
        var final = responses[^1];
        Assert.Equal("2.01", final.CodeText);
        Assert.Equal("got " + length, final.Text);
        var echo = final.Block(CoapOptionNumber.Block1);
        Assert.False(echo.More);
        Assert.Equal(responses.Count - 1, echo.Number);
        Assert.Equal(body, _deploy.LastBody);
        Assert.Equal(1, _deploy.Calls);
    }

    [Fact]
    public void Size1_above_the_limit_is_refused_before_any_block_is_stored()
    {
        var response = _harness.Exchange(Wire.Con(CoapCode.Post, "deploy").Block1(0, true, 6).Uint(CoapOptionNumber.Size1, 3001).Payload(new byte[1024]));

        Assert.Equal("4.13", response.CodeText);
        Assert.Equal(3000u, response.Uint(CoapOptionNumber.Size1));
        Assert.Equal(0, _deploy.Calls);
    }

    [Fact]
    public void Accumulated_body_above_the_limit_is_4_13_and_the_transfer_is_dropped()
    {
        var responses = Upload(Patterns.Bytes(3001), 6);

        Assert.Equal(["2.31", "2.31", "4.13"], responses.Select(r => r.CodeText));
        Assert.Equal(3000u, responses[^1].Uint(CoapOptionNumber.Size1));
        Assert.Equal(0, _deploy.Calls);
    }

    [Fact]
    public void Whole_body_above_the_limit_is_4_13()
    {
        var small = new ServerHarness(new CoapServerOptions { MaxRequestBody = 500 });
        var resource = new TestResource((_, _) => { });
        small.Server.Register("x", resource, CoapMethods.Post);

        var response = small.Exchange(Wire.Con(CoapCode.Post, "x").Payload(new byte[501]));

        Assert.Equal("4.13", response.CodeText);
        Assert.Equal(500u, response.Uint(CoapOptionNumber.Size1));
        Assert.Equal(0, resource.Calls);
    }

    [Fact]
    public void Missing_block_is_4_08()
    {
        Assert.Equal("2.31", _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 4).Payload(new byte[256])).CodeText);

        var skipped = _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 2).Block1(2, false, 4).Payload(new byte[10]));

        Assert.Equal("4.08", skipped.CodeText);
        Assert.Equal(0, _deploy.Calls);
        // The aborted transfer is gone: continuing it is incomplete too.
        Assert.Equal("4.08", _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 3).Block1(1, false, 4).Payload(new byte[10])).CodeText);
    }

    [Fact]
    public void Block_without_a_start_is_4_08()
    {
        var response = _harness.Exchange(Wire.Con(CoapCode.Post, "deploy").Block1(3, false, 4).Payload(new byte[10]));
        Assert.Equal("4.08", response.CodeText);
    }

    [Fact]
    public void Repeated_block_under_a_new_message_id_is_4_08()
    {
        _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 4).Payload(new byte[256]));
        _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 2).Block1(1, true, 4).Payload(new byte[256]));

        var repeated = _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 3).Block1(1, true, 4).Payload(new byte[256]));

        Assert.Equal("4.08", repeated.CodeText);
    }

    [Fact]
    public void Retransmitted_block_is_answered_from_the_cache_and_the_transfer_goes_on()
    {
        var body = Patterns.Bytes(600);
        var block0 = Wire.Con(CoapCode.Post, "deploy", 10).Block1(0, true, 4).Payload(body[..256]).Build();
        _harness.Send(block0);
        var again = _harness.Send(block0);
        _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 11).Block1(1, true, 4).Payload(body[256..512]));
        var final = _harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 12).Block1(2, false, 4).Payload(body[512..]));

        Assert.Equal("2.31", again!.CodeText);
        Assert.Equal("2.01", final.CodeText);
        Assert.Equal(body, _deploy.LastBody);
    }

    [Fact]
    public void Non_final_block_shorter_than_its_size_is_4_00()
    {
        var response = _harness.Exchange(Wire.Con(CoapCode.Post, "deploy").Block1(0, true, 4).Payload(new byte[200]));
        Assert.Equal("4.00", response.CodeText);
    }

    [Theory]
    [InlineData(CoapOptionNumber.Block1)]
    [InlineData(CoapOptionNumber.Block2)]
    public void Reserved_block_size_exponent_is_4_00(int option)
    {
        _harness.Server.Register("both", TestResource.Text("x"), CoapMethods.All);
        var response = _harness.Exchange(Wire.Con(option == CoapOptionNumber.Block2 ? CoapCode.Get : CoapCode.Post, "both").Uint(option, 0x17).Payload([1]));
        Assert.Equal("4.00", response.CodeText);
    }

    [Fact]
    public void Transfers_from_two_clients_are_kept_apart()
    {
        var harness = new ServerHarness(new CoapServerOptions { ReassemblySlots = 2 });
        var bodies = new List<byte[]>();
        harness.Server.Register("deploy", new TestResource((request, _) => bodies.Add(request.CopyBody())), CoapMethods.Post);
        var a = Patterns.Bytes(40, 1);
        var b = Patterns.Bytes(40, 2);

        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 0).Payload(a[..16]), ServerHarness.Alice);
        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 0).Payload(b[..16]), ServerHarness.Bob);
        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 2).Block1(1, true, 0).Payload(b[16..32]), ServerHarness.Bob);
        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 2).Block1(1, true, 0).Payload(a[16..32]), ServerHarness.Alice);
        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 3).Block1(2, false, 0).Payload(a[32..]), ServerHarness.Alice);
        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 3).Block1(2, false, 0).Payload(b[32..]), ServerHarness.Bob);

        Assert.Equal([a, b], bodies);
    }

    private sealed class SteppedClock : ICoapClock
    {
        public long NowMs { get; set; } = 1_000_000;
    }

    /// <summary>One reassembly slot, a 20 s transfer timeout on a stepped clock, and "deploy" collecting bodies.</summary>
    private static (ServerHarness Harness, SteppedClock Clock, List<byte[]> Bodies) OneSlotServer()
    {
        var clock = new SteppedClock();
        var harness = new ServerHarness(new CoapServerOptions { ReassemblySlots = 1, TransferTimeoutMs = 20_000, Clock = clock });
        var bodies = new List<byte[]>();
        harness.Server.Register("deploy", new TestResource((request, _) => bodies.Add(request.CopyBody())), CoapMethods.Post);
        return (harness, clock, bodies);
    }

    [Fact]
    public void An_active_transfer_is_never_evicted_the_newcomer_gets_5_03_with_max_age()
    {
        var (harness, clock, bodies) = OneSlotServer();
        var a = Patterns.Bytes(40, 1);

        Assert.Equal("2.31", harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 0).Payload(a[..16]), ServerHarness.Alice).CodeText);
        clock.NowMs += 5_000;
        // The hijack: one Block1 datagram from another port.
        var refused = harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 7).Block1(0, true, 0).Payload(new byte[16]), ServerHarness.Bob);
        Assert.Equal("5.03", refused.CodeText);
        Assert.Equal(15u, refused.Uint(CoapOptionNumber.MaxAge));
        Assert.Equal(1, harness.Server.BusyCount);

        Assert.Equal("2.31", harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 2).Block1(1, true, 0).Payload(a[16..32]), ServerHarness.Alice).CodeText);
        Assert.Equal("2.04", harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 3).Block1(2, false, 0).Payload(a[32..]), ServerHarness.Alice).CodeText);
        Assert.Equal([a], bodies);
        Assert.Equal(0, harness.Server.ActiveTransfers);
    }

    [Fact]
    public void An_idle_transfer_expires_and_frees_its_slot()
    {
        var (harness, clock, bodies) = OneSlotServer();
        var b = Patterns.Bytes(20, 2);

        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 0).Payload(new byte[16]), ServerHarness.Alice);
        Assert.Equal(1, harness.Server.ActiveTransfers);
        clock.NowMs += 20_000;
        Assert.Equal(0, harness.Server.ActiveTransfers);

        Assert.Equal("2.31", harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 0).Payload(b[..16]), ServerHarness.Bob).CodeText);
        Assert.Equal("2.04", harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 2).Block1(1, false, 0).Payload(b[16..]), ServerHarness.Bob).CodeText);
        Assert.Equal([b], bodies);
        // The expired transfer is gone: its next block has no start.
        Assert.Equal("4.08", harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 3).Block1(1, true, 0).Payload(new byte[16]), ServerHarness.Alice).CodeText);
    }

    [Fact]
    public void A_transfer_timeout_below_one_millisecond_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoapServer(new InMemoryEndpoint(), new CoapServerOptions { TransferTimeoutMs = 0 }));
    }

    [Fact]
    public void Server_with_a_smaller_preferred_block_asks_the_client_to_shrink()
    {
        var harness = new ServerHarness(new CoapServerOptions { PreferredBlockSizeExponent = 4, MaxRequestBody = 4096 });
        var resource = new TestResource((_, _) => { });
        harness.Server.Register("deploy", resource, CoapMethods.Post);
        var body = Patterns.Bytes(1500);

        var first = harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 1).Block1(0, true, 6).Payload(body[..1024]));
        var ask = first.Block(CoapOptionNumber.Block1);
        // 1024 bytes are in; continue at that offset with 256-byte blocks.
        harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 2).Block1(4, true, 4).Payload(body[1024..1280]));
        var final = harness.Exchange(Wire.Con(CoapCode.Post, "deploy", 3).Block1(5, false, 4).Payload(body[1280..]));

        Assert.Equal(4, ask.SizeExponent);
        Assert.Equal("2.04", final.CodeText);
        Assert.Equal(body, resource.LastBody);
    }

    [Fact]
    public void Large_get_response_is_sliced_with_block2_and_size2()
    {
        var body = Patterns.Bytes(2500);
        _harness.Server.Register("image", TestResource.Pattern(2500), CoapMethods.Get);

        var blocks = new List<Decoded>();
        var first = _harness.Exchange(Wire.Con(CoapCode.Get, "image", 1));
        blocks.Add(first);
        for (int n = 1; blocks[^1].Block(CoapOptionNumber.Block2).More; n++)
            blocks.Add(_harness.Exchange(Wire.Con(CoapCode.Get, "image", 1 + n).Block2(n, 6)));

        Assert.Equal(3, blocks.Count);
        Assert.Equal(2500u, first.Uint(CoapOptionNumber.Size2));
        Assert.Equal(6, first.Block(CoapOptionNumber.Block2).SizeExponent);
        Assert.Equal(body, blocks.SelectMany(b => b.Payload).ToArray());
        Assert.All(blocks, b => Assert.Equal((uint)CoapContentFormat.OctetStream, b.Uint(CoapOptionNumber.ContentFormat)));
    }

    [Fact]
    public void Block2_honours_the_clients_block_size()
    {
        var body = Patterns.Bytes(200);
        _harness.Server.Register("image", TestResource.Pattern(200), CoapMethods.Get);

        var responses = Enumerable.Range(0, 4).Select(n => _harness.Exchange(Wire.Con(CoapCode.Get, "image", 10 + n).Block2(n, 2))).ToList();

        Assert.All(responses, r => Assert.Equal(2, r.Block(CoapOptionNumber.Block2).SizeExponent));
        Assert.Equal([true, true, true, false], responses.Select(r => r.Block(CoapOptionNumber.Block2).More));
        Assert.Equal(body, responses.SelectMany(r => r.Payload).ToArray());
        Assert.Equal(8, responses[^1].Payload.Length);
    }

    [Fact]
    public void Small_get_response_asked_for_with_block2_carries_a_final_block2()
    {
        _harness.Server.Register("state", TestResource.Text("small"), CoapMethods.Get);
        var response = _harness.Exchange(Wire.Con(CoapCode.Get, "state").Block2(0, 6));
        Assert.Equal("small", response.Text);
        Assert.False(response.Block(CoapOptionNumber.Block2).More);
    }

    [Fact]
    public void Small_get_response_goes_out_whole_without_block2()
    {
        _harness.Server.Register("state", TestResource.Text("small"), CoapMethods.Get);
        Assert.False(_harness.Exchange(Wire.Con(CoapCode.Get, "state")).Has(CoapOptionNumber.Block2));
    }

    [Fact]
    public void Block2_beyond_the_end_is_4_02()
    {
        _harness.Server.Register("image", TestResource.Pattern(100), CoapMethods.Get);
        Assert.Equal("4.02", _harness.Exchange(Wire.Con(CoapCode.Get, "image").Block2(7, 4)).CodeText);
    }

    [Fact]
    public void Block2_far_beyond_the_end_of_a_short_body_is_4_02_with_its_reason()
    {
        // Found by the CoAP fuzzer: the offset of block 11 of 256 bytes lies past the whole response
        // buffer; the refusal used to be composed from that offset and the server threw.
        _harness.Server.Register("tiny", TestResource.Text("hi"), CoapMethods.Get);
        var answer = _harness.Exchange(Wire.Con(CoapCode.Get, "tiny").Block2(11, 4));
        Assert.Equal("4.02", answer.CodeText);
        Assert.Equal("Block2 beyond the end of the body", answer.Text);
    }
}
