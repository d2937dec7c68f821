using WasmBox.Nano.Coap.Tests.Support;

namespace WasmBox.Nano.Coap.Tests;

public class ServerTests
{
    readonly ServerHarness _harness = new();

    TestResource Register(string path, TestResource resource, int methods = CoapMethods.All)
    {
        _harness.Server.Register(path, resource, methods);
        return resource;
    }

    [Fact]
    public void Confirmable_get_gets_a_piggy_backed_response()
    {
        Register("state", TestResource.Text("ok"));

        var response = _harness.Exchange(Wire.Con(CoapCode.Get, "state", 0x0102).Token(9, 8, 7));

        Assert.Equal(CoapMessageType.Acknowledgement, response.Type);
        Assert.Equal(0x0102, response.MessageId);
        Assert.Equal(new byte[] { 9, 8, 7 }, response.Token);
        Assert.Equal("2.05", response.CodeText);
        Assert.Equal((uint)CoapContentFormat.TextPlain, response.Uint(CoapOptionNumber.ContentFormat));
        Assert.Equal("ok", response.Text);
    }

    [Fact]
    public void Non_confirmable_request_gets_a_non_confirmable_response_with_a_fresh_message_id()
    {
        Register("state", TestResource.Text("ok"));

        var first = _harness.Exchange(Wire.Non(CoapCode.Get, "state", 100));
        var second = _harness.Exchange(Wire.Non(CoapCode.Get, "state", 101));

        Assert.Equal(CoapMessageType.NonConfirmable, first.Type);
        Assert.Equal("ok", first.Text);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }

    [Fact]
    public void Multi_segment_paths_and_queries_reach_the_handler()
    {
        string? slot = null, flag = null, missing = "unset";
        Register("fn/invoke", new TestResource((request, _) =>
        {
            slot = request.GetQueryValue("slot");
            flag = request.GetQueryValue("trace");
            missing = request.GetQueryValue("absent");
        }));

        var response = _harness.Exchange(Wire.Con(CoapCode.Post, "fn/invoke", 1)
            .Option(CoapOptionNumber.UriQuery, "slot=3").Option(CoapOptionNumber.UriQuery, "trace"));

        Assert.Equal("2.04", response.CodeText);
        Assert.Equal("3", slot);
        Assert.Equal("", flag);
        Assert.Null(missing);
        Assert.Equal("4.04", _harness.Exchange(Wire.Con(CoapCode.Post, "fn", 2)).CodeText);
        Assert.Equal("4.04", _harness.Exchange(Wire.Con(CoapCode.Post, "fn/invoke/more", 3)).CodeText);
    }

    [Fact]
    public void Retransmitted_confirmable_request_gets_the_same_response_without_running_the_handler_again()
    {
        int counter = 0;
        var resource = Register("count", new TestResource((_, response) => response.WriteDecimal(++counter)), CoapMethods.Post);
        var request = Wire.Con(CoapCode.Post, "count", 77).Build();

        var first = _harness.Send(request);
        var again = _harness.Send(request);

        Assert.Equal(1, resource.Calls);
        Assert.Equal(_harness.Endpoint.Sent[0].Data, _harness.Endpoint.Sent[1].Data);
        Assert.Equal("1", again!.Text);
        Assert.Equal(1, _harness.Server.DuplicateCount);
    }

    [Fact]
    public void Same_message_id_from_another_client_is_a_new_exchange()
    {
        var resource = Register("count", new TestResource((_, _) => { }), CoapMethods.Post);
        var request = Wire.Con(CoapCode.Post, "count", 77).Build();

        _harness.Send(request, ServerHarness.Alice);
        _harness.Send(request, ServerHarness.Bob);

        Assert.Equal(2, resource.Calls);
    }

    [Fact]
    public void Duplicate_non_confirmable_request_is_ignored()
    {
        var resource = Register("count", new TestResource((_, _) => { }), CoapMethods.Post);
        var request = Wire.Non(CoapCode.Post, "count", 5).Build();

        Assert.NotNull(_harness.Send(request));
        Assert.Null(_harness.Send(request));
        Assert.Equal(1, resource.Calls);
    }

    [Fact]
    public void Deduplication_cache_is_bounded_and_forgets_the_oldest_exchange()
    {
        var harness = new ServerHarness(new CoapServerOptions { DeduplicationEntries = 2 });
        var resource = new TestResource((_, _) => { });
        harness.Server.Register("x", resource, CoapMethods.Post);

        foreach (int id in new[] { 1, 2, 3, 1 }) harness.Send(Wire.Con(CoapCode.Post, "x", id).Build());

        Assert.Equal(4, resource.Calls);
    }

    [Fact]
    public void Empty_confirmable_message_is_a_ping_answered_with_reset()
    {
        var reply = _harness.Send([0x40, 0x00, 0x33, 0x44]);

        Assert.Equal(CoapMessageType.Reset, reply!.Type);
        Assert.Equal(0x3344, reply.MessageId);
        Assert.Equal(CoapCode.Empty, reply.Code);
    }

    [Fact]
    public void Malformed_confirmable_message_is_answered_with_reset_and_malformed_non_is_dropped()
    {
        var reset = _harness.Send([0x40, 0x01, 0x00, 0x09, 0xBF]);
        var nothing = _harness.Send([0x50, 0x01, 0x00, 0x0A, 0xBF]);

        Assert.Equal(CoapMessageType.Reset, reset!.Type);
        Assert.Equal(9, reset.MessageId);
        Assert.Null(nothing);
        Assert.Equal(2, _harness.Server.MalformedCount);
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 0x01 })]                 // shorter than a header
    [InlineData(new byte[] { 0x80, 0x01, 0x00, 0x01 })]     // version 2
    [InlineData(new byte[] { 0x60, 0x45, 0x00, 0x01 })]     // an acknowledgement nobody waits for
    [InlineData(new byte[] { 0x70, 0x00, 0x00, 0x01 })]     // a reset nobody waits for
    public void Messages_to_ignore_get_no_answer(byte[] datagram)
    {
        Assert.Null(_harness.Send(datagram));
    }

    [Fact]
    public void A_confirmable_response_we_never_asked_for_is_reset()
    {
        var reply = _harness.Send(Wire.Message(CoapMessageType.Confirmable, CoapCode.Content, 42).Build());
        Assert.Equal(CoapMessageType.Reset, reply!.Type);
        Assert.Equal(42, reply.MessageId);
    }

    [Fact]
    public void Unknown_path_is_4_04()
    {
        Assert.Equal("4.04", _harness.Exchange(Wire.Con(CoapCode.Get, "nowhere")).CodeText);
    }

    [Fact]
    public void Method_the_resource_does_not_accept_is_4_05()
    {
        var resource = Register("state", TestResource.Text("x"), CoapMethods.Get);

        Assert.Equal("4.05", _harness.Exchange(Wire.Con(CoapCode.Delete, "state")).CodeText);
        Assert.Equal("4.05", _harness.Exchange(Wire.Con(CoapCode.Post, ".well-known/core")).CodeText);
        Assert.Equal(0, resource.Calls);
    }

    [Fact]
    public void Method_codes_beyond_delete_are_4_05()
    {
        Register("state", TestResource.Text("x"));
        Assert.Equal("4.05", _harness.Exchange(Wire.Con(0x05 /* FETCH */, "state")).CodeText);
    }

    [Theory]
    [InlineData(CoapOptionNumber.IfMatch, new byte[] { 1 })]
    [InlineData(CoapOptionNumber.IfNoneMatch, new byte[0])]
    [InlineData(9, new byte[] { 1 })]                             // unassigned, critical
    [InlineData(CoapOptionNumber.Block1, new byte[] { 1, 2, 3, 4 })] // known, but a 4-byte value is out of range
    [InlineData(CoapOptionNumber.UriHost, new byte[0])]           // Uri-Host must not be empty
    public void Unrecognized_critical_option_is_4_02(int number, byte[] value)
    {
        var resource = Register("state", TestResource.Text("x"));

        var response = _harness.Exchange(Wire.Con(CoapCode.Get, "state").Option(number, value));

        Assert.Equal("4.02", response.CodeText);
        Assert.Contains(number.ToString(), response.Text);
        Assert.Equal(0, resource.Calls);
    }

    [Fact]
    public void Unrecognized_elective_options_are_ignored()
    {
        Register("state", TestResource.Text("x"));

        var response = _harness.Exchange(Wire.Con(CoapCode.Get, "state")
            .Option(CoapOptionNumber.ETag, [1, 2]).Option(292, [7]).Uint(CoapOptionNumber.Observe, 0)
            .Option(CoapOptionNumber.UriHost, "board").Uint(CoapOptionNumber.UriPort, 5683));

        Assert.Equal("2.05", response.CodeText);
    }

    [Fact]
    public void Proxy_requests_are_5_05()
    {
        Register("state", TestResource.Text("x"));
        var response = _harness.Exchange(Wire.Con(CoapCode.Get, "state").Option(CoapOptionNumber.ProxyUri, "coap://other/x"));
        Assert.Equal("5.05", response.CodeText);
    }

    [Fact]
    public void Accept_that_the_resource_cannot_produce_is_4_06()
    {
        Register("state", TestResource.Text("x"));

        Assert.Equal("4.06", _harness.Exchange(Wire.Con(CoapCode.Get, "state").Uint(CoapOptionNumber.Accept, CoapContentFormat.Cbor)).CodeText);
        Assert.Equal("2.05", _harness.Exchange(Wire.Con(CoapCode.Get, "state", 2).Uint(CoapOptionNumber.Accept, CoapContentFormat.TextPlain)).CodeText);
    }

    [Fact]
    public void Accept_mismatch_with_the_advertised_format_is_4_06_before_the_handler_runs()
    {
        var resource = new TestResource((_, _) => { });
        _harness.Server.Register("deploy", resource, CoapMethods.Post).Describe("wbx.deploy", null, CoapContentFormat.Json);

        var response = _harness.Exchange(Wire.Con(CoapCode.Post, "deploy").Uint(CoapOptionNumber.Accept, CoapContentFormat.Cbor));

        Assert.Equal("4.06", response.CodeText);
        Assert.Equal(0, resource.Calls);
    }

    [Fact]
    public void Handler_that_throws_gets_5_00_and_the_server_keeps_serving()
    {
        Register("bad", new TestResource((_, _) => throw new InvalidOperationException("bug")));
        Register("good", TestResource.Text("fine"));

        Assert.Equal("5.00", _harness.Exchange(Wire.Con(CoapCode.Get, "bad", 1)).CodeText);
        Assert.Equal("fine", _harness.Exchange(Wire.Con(CoapCode.Get, "good", 2)).Text);
        Assert.Equal(1, _harness.Server.HandlerFailureCount);
    }

    [Fact]
    public void Response_larger_than_the_response_buffer_is_5_00_not_truncated()
    {
        var harness = new ServerHarness(new CoapServerOptions { MaxResponseBody = 100 });
        harness.Server.Register("big", TestResource.Pattern(101), CoapMethods.Get);

        var response = harness.Exchange(Wire.Con(CoapCode.Get, "big"));

        Assert.Equal("5.00", response.CodeText);
    }

    [Fact]
    public void Non_get_response_that_does_not_fit_one_datagram_is_5_00()
    {
        var harness = new ServerHarness(new CoapServerOptions { MaxResponseBody = 4096 });
        harness.Server.Register("big", TestResource.Pattern(2000), CoapMethods.Post);

        var response = harness.Exchange(Wire.Con(CoapCode.Post, "big"));

        Assert.Equal("5.00", response.CodeText);
        Assert.Empty(response.Payload);
    }

    [Fact]
    public void Too_many_options_is_4_00()
    {
        var harness = new ServerHarness(new CoapServerOptions { MaxOptions = 8 });
        harness.Server.Register("x", TestResource.Text("x"), CoapMethods.Get);
        var request = Wire.Con(CoapCode.Get, "x");
        for (int i = 0; i < 8; i++) request.Option(CoapOptionNumber.UriQuery, "q" + i);

        Assert.Equal("4.00", harness.Exchange(request).CodeText);
    }

    [Fact]
    public void Datagram_larger_than_the_receive_buffer_is_4_13_with_size1()
    {
        var resource = Register("upload", new TestResource((_, _) => { }), CoapMethods.Post);

        var response = _harness.Exchange(Wire.Con(CoapCode.Post, "upload").Payload(new byte[3000]));

        Assert.Equal("4.13", response.CodeText);
        Assert.True(response.Uint(CoapOptionNumber.Size1) < 1152);
        Assert.Equal(0, resource.Calls);
    }

    [Fact]
    public void Body_and_content_format_reach_the_handler()
    {
        int contentFormat = -2;
        var resource = Register("deploy", new TestResource((request, _) => contentFormat = request.ContentFormat), CoapMethods.Post);

        _harness.Exchange(Wire.Con(CoapCode.Post, "deploy").Uint(CoapOptionNumber.ContentFormat, CoapContentFormat.Cbor).Payload([1, 2, 3]));

        Assert.Equal(new byte[] { 1, 2, 3 }, resource.LastBody);
        Assert.Equal(CoapContentFormat.Cbor, contentFormat);
    }

    [Fact]
    public void Default_codes_follow_the_method()
    {
        Register("r", new TestResource((_, _) => { }));

        Assert.Equal("2.05", _harness.Exchange(Wire.Con(CoapCode.Get, "r", 1)).CodeText);
        Assert.Equal("2.04", _harness.Exchange(Wire.Con(CoapCode.Put, "r", 2)).CodeText);
        Assert.Equal("2.02", _harness.Exchange(Wire.Con(CoapCode.Delete, "r", 3)).CodeText);
    }

    [Fact]
    public void Answering_a_get_allocates_nothing()
    {
        var datagrams = Enumerable.Range(0, 64).Select(i => Wire.Con(CoapCode.Get, "state", i).Build()).ToArray();
        var endpoint = new RecyclingEndpoint();
        var server = new CoapServer(endpoint, new CoapServerOptions());
        server.Register("state", new FixedText(), CoapMethods.Get);
        endpoint.Next = datagrams[0];
        server.PollOnce(0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < datagrams.Length; i++)
        {
            endpoint.Next = datagrams[i];
            server.PollOnce(0);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(datagrams.Length, endpoint.SentCount);
    }

    sealed class FixedText : ICoapResource
    {
        public void Handle(CoapRequest request, CoapResponse response)
        {
            response.ContentFormat = CoapContentFormat.TextPlain;
            response.WriteAscii("ok");
        }
    }

    /// <summary>Hands out a preset datagram and counts sends, without allocating per call.</summary>
    sealed class RecyclingEndpoint : IUdpEndpoint
    {
        static readonly object Remote = new();
        public byte[] Next = [];
        public int SentCount;

        public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote)
        {
            Array.Copy(Next, buffer, Next.Length);
            remote = Remote;
            return Next.Length;
        }

        public void Send(byte[] data, int offset, int count, object remote) => SentCount++;
    }
}
