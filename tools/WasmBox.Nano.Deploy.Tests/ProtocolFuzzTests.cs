using WasmBox.Nano.Coap;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Mqtt;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Protocol.Coap;
using WasmBox.Nano.Protocol.Mqtt;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.TestSupport;
using WasmBox.Nano.Update;
using Xunit.Abstractions;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>
/// Bounded fuzzers with fixed seeds: mutated MQTT packets (real encodings of deploys, commands,
/// invocations and attestation requests on the device's topics, mutated byte-wise) go through the
/// host client's decoder to the device agent; mutated CoAP datagrams go to the CoAP server with the
/// device's resources. Findings: an exception escaping, a handler failing, the agent publishing
/// outside the device's control topics or inside the tenants' app tree, a CoAP answer that does not
/// decode, or the device no longer deploying afterwards. Figures go to the test output and the README.
/// </summary>
public class ProtocolFuzzTests : IDisposable
{
    private readonly ITestOutputHelper output;

    public const int MqttCases = 6_000;
    public const int CoapCases = 20_000;
    private const string DeviceId = "fuzz-board";

    private readonly SimulatedBoard _board = CreateBoard();
    private readonly RecordingTransport _transport = new();
    private readonly DeviceService _service;

    public ProtocolFuzzTests(ITestOutputHelper output)
    {
        this.output = output;
        var runtime = new WasmBoxRuntime(_board, _transport, null);
        PolicyParseResult policy = PolicyParser.Parse(TestTenants.Policy);
        Assert.Null(runtime.Provision(policy.Tenants));
        var updates = new UpdateManager(runtime, _board.Storage, TestTenants.Keyring);
        updates.Boot();
        _service = new DeviceService(DeviceId, "fuzz", runtime, updates, null);
        Assert.True(_service.Deploy(TestBundles.Echo(1, 1000), 0, TestBundles.Echo(1, 1000).Length).Ok);
    }

    public void Dispose() => _board.Dispose();

    [Fact]
    public void Mutated_mqtt_packets_never_break_the_agent_or_make_it_publish_outside_its_topics()
    {
        var agent = new MqttAgent(_service, _service.Runtime.Services.Transport);
        var topics = new DeviceTopics(DeviceId);
        byte[][] seeds =
        [
            Publish(topics.Deploy, TestBundles.Echo(2, 2000)),
            Publish(topics.Remove, CommandSigner.Sign(UpdateOperation.Remove, "acme", 1, 5, TestTenants.AcmeKey)),
            Publish(topics.Rollback, CommandSigner.Sign(UpdateOperation.Rollback, "acme", 1, 6, TestTenants.AcmeKey)),
            Publish(topics.Invoke("acme", 1), "hello"u8.ToArray()),
            Publish(topics.AttestRequest, new byte[16]),
            Publish(topics.App + "acme/in", [1, 2, 3]),
        ];
        var random = new Random(0x11F0);
        int decoded = 0, refused = 0;
        var findings = new List<string>();
        for (int i = 0; i < MqttCases; i++)
        {
            byte[] packet = ByteMutator.Mutate(random, seeds[random.Next(seeds.Length)], 4);
            // Decoded by MQTTnet's own packet formatter, as the host's MQTT session would read it.
            MqttPublishPacket? publish;
            try
            {
                publish = DecodePublish(packet);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                refused++; // MQTTnet refuses the packet (and the session would drop that connection)
                continue;
            }
            if (publish is null)
                continue;
            decoded++;
            try
            {
                agent.OnMessage(publish.Topic, System.Buffers.BuffersExtensions.ToArray(publish.Payload));
            }
            catch (Exception e)
            {
                findings.Add("case " + i + ": " + e.GetType().Name + " " + e.Message);
            }
        }
        findings.AddRange(_board.Log.Lines().Where(l => l.Text.Contains(" failed: ")).Select(l => "agent: " + l.Text));
        findings.AddRange(_transport.Published.Where(t => !t.StartsWith(topics.Prefix, StringComparison.Ordinal) || t.StartsWith(topics.App, StringComparison.Ordinal))
            .Distinct().Select(t => "published on " + t));
        output.WriteLine($"MQTT fuzz: {MqttCases} mutated packets, {decoded} decoded and handed to the agent, {refused} refused by MQTTnet's decoder, {_transport.Published.Count} answers, {findings.Count} findings");
        Assert.Empty(findings);
        Assert.True(_service.Invoke("acme", 1, [1], 1).Ok || _service.Installed.Length == 0);
    }

    [Fact]
    public void Mutated_coap_datagrams_never_break_the_server_or_its_resources()
    {
        var endpoint = new QueueEndpoint();
        var server = new CoapServer(endpoint, new CoapServerOptions { MaxRequestBody = _service.MaxBundleBytes });
        CoapAgent.Register(server, _service);
        byte[] bundle = TestBundles.Echo(2, 2000);
        byte[][] seeds =
        [
            Datagram(CoapCode.Post, "deploy", null, bundle[..64], new BlockOption(0, true, 2)),
            Datagram(CoapCode.Post, "deploy", null, bundle[64..128], new BlockOption(1, true, 2)),
            Datagram(CoapCode.Post, "invoke", "tenant=acme", "hello"u8.ToArray(), null, "slot=1"),
            Datagram(CoapCode.Get, "state", null, [], new BlockOption(1, false, 1)),
            Datagram(CoapCode.Post, "remove", null, CommandSigner.Sign(UpdateOperation.Remove, "acme", 1, 5, TestTenants.AcmeKey), null),
            Datagram(CoapCode.Get, ".well-known/core", null, [], null),
        ];
        var random = new Random(0x11C0);
        var findings = new List<string>();
        int answered = 0;
        var peers = new object[] { new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 6001), new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 6002) };
        for (int i = 0; i < CoapCases; i++)
        {
            byte[] datagram = ByteMutator.Mutate(random, seeds[random.Next(seeds.Length)], 4);
            endpoint.Sent.Clear();
            try
            {
                server.HandleDatagram(datagram, datagram.Length, peers[random.Next(peers.Length)]);
            }
            catch (Exception e)
            {
                findings.Add("case " + i + ": " + e.GetType().Name + " " + e.Message + " " + Convert.ToHexString(datagram) + e.StackTrace);
                continue;
            }
            if (endpoint.Sent.Count > 1)
                findings.Add("case " + i + ": " + endpoint.Sent.Count + " answers to one datagram");
            foreach (byte[] sent in endpoint.Sent)
            {
                answered++;
                if (CoapCodec.Decode(sent, sent.Length, new CoapMessage(16, 0)) != CoapDecodeError.None)
                    findings.Add("case " + i + ": an answer that does not decode");
            }
        }
        if (server.HandlerFailureCount > 0)
            findings.Add(server.HandlerFailureCount + " handler failures");
        findings.ForEach(output.WriteLine);
        output.WriteLine($"CoAP fuzz: {CoapCases} mutated datagrams, {answered} answers, {server.MalformedCount} malformed, {findings.Count} findings");
        Assert.Empty(findings);

        // Still serving: a clean request gets its answer.
        endpoint.Sent.Clear();
        byte[] probe = (byte[])seeds[5].Clone();
        (probe[2], probe[3]) = (0xAB, 0xCD); // a message id the deduplication cache has not seen
        server.HandleDatagram(probe, probe.Length, peers[0]);
        var answer = new CoapMessage(16, 0);
        Assert.Equal(CoapDecodeError.None, CoapCodec.Decode(endpoint.Sent.Single(), endpoint.Sent.Single().Length, answer));
        Assert.Equal(CoapCode.Content, answer.Code);
    }

    private static readonly MqttPacketFormatterAdapter Formatter = new(MqttProtocolVersion.V311, new MqttBufferWriter(4096, 1 << 20));

    private static byte[] Publish(string topic, byte[] payload) =>
        Formatter.Encode(new MqttPublishPacket
        {
            Topic = topic, Payload = new System.Buffers.ReadOnlySequence<byte>(payload),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce, PacketIdentifier = 1,
        }).ToArray();

    /// <summary>A PUBLISH as MQTTnet decodes it; null for a well-formed packet of another type or a frame whose length is off.</summary>
    private static MqttPublishPacket? DecodePublish(byte[] packet)
    {
        int length = 0, shift = 0, at = 1;
        for (; ; at++)
        {
            if (at >= packet.Length || at > 4) return null;
            length |= (packet[at] & 0x7F) << shift;
            shift += 7;
            if ((packet[at] & 0x80) == 0) break;
        }
        at++;
        if (packet.Length - at != length) return null;
        return Formatter.Decode(new ReceivedMqttPacket(packet[0], new ArraySegment<byte>(packet, at, length), packet.Length)) as MqttPublishPacket;
    }

    private static byte[] Datagram(byte code, string path, string? query, byte[] payload, BlockOption? block1, string? query2 = null)
    {
        var m = new CoapMessage(8, 64) { Type = CoapMessageType.Confirmable, Code = code, MessageId = 7 };
        m.SetToken([1, 2], 0, 2);
        foreach (string segment in path.Split('/'))
            m.AddAsciiOption(CoapOptionNumber.UriPath, segment);
        if (query is not null)
            m.AddAsciiOption(CoapOptionNumber.UriQuery, query);
        if (query2 is not null)
            m.AddAsciiOption(CoapOptionNumber.UriQuery, query2);
        if (block1 is BlockOption b)
            m.AddUintOption(code == CoapCode.Get ? CoapOptionNumber.Block2 : CoapOptionNumber.Block1, b.Encode());
        m.SetPayload(payload, 0, payload.Length);
        byte[] datagram = new byte[CoapCodec.EncodedLength(m)];
        CoapCodec.Encode(m, datagram);
        return datagram;
    }

    private static SimulatedBoard CreateBoard()
    {
        Assert.True(SimulatedBoard.TryCreate("esp32-wrover-kit", new SimulatedBoardOptions { DeviceId = DeviceId }, out SimulatedBoard? board, out _));
        return board!;
    }

    private sealed class RecordingTransport : IMessageTransport
    {
        public List<string> Published { get; } = [];
        public bool IsConnected => true;

        public bool Publish(string topic, byte[] payload, int qos, bool retain)
        {
            Published.Add(topic);
            return true;
        }

        public void Subscribe(string topicFilter, int qos, IMessageHandler handler)
        {
        }

        public void Unsubscribe(string topicFilter)
        {
        }
    }

    private sealed class QueueEndpoint : IUdpEndpoint
    {
        public List<byte[]> Sent { get; } = [];

        public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote)
        {
            remote = null!;
            return 0;
        }

        public void Send(byte[] data, int offset, int count, object remote) => Sent.Add(data.AsSpan(offset, count).ToArray());
    }
}
