using System.Net;
using System.Net.Sockets;
using WasmBox.Nano.Coap;
using WasmBox.Nano.Coap.Host;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Protocol.Coap;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Protocol.Mqtt;
using WasmBox.Nano.Protocol.Policies;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Deploy.Device;

/// <summary>
/// A whole device in this process, the thing `wbx deploy` talks to: a simulated board from a
/// hardware profile, the runtime with the owner's policy, the update manager on the board's
/// storage, the MQTT agent on a real broker (Last Will: retained "offline") and, when asked, the
/// CoAP agent on a UDP port. <see cref="DisposeAsync"/> is a clean shutdown, <see cref="Kill"/> a power loss.
/// </summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    public const string RuntimeVersion = "wasmbox-nano/0.1 (simulated)";

    private readonly SimulatedBoard _board;
    private readonly MqttSession _client;
    private readonly CoapUdpServerHost? _coap;
    private readonly Action<string> _log;
    private int _stopped;
    private int _connectionLosses;

    private SimulatedDevice(SimulatedBoard board, MqttSession client, WasmBoxRuntime runtime, UpdateManager updates,
        DeviceService service, MqttAgent agent, CoapUdpServerHost? coap, Action<string> log)
    {
        _board = board;
        _client = client;
        Runtime = runtime;
        Updates = updates;
        Service = service;
        Agent = agent;
        _coap = coap;
        _log = log;
    }

    public string DeviceId => Service.DeviceId;

    public SimulatedBoard Board => _board;

    public WasmBoxRuntime Runtime { get; }

    public UpdateManager Updates { get; }

    public DeviceService Service { get; }

    public MqttAgent Agent { get; }

    /// <summary>Where the CoAP agent listens; null without CoAP.</summary>
    public IPEndPoint? CoapEndPoint => _coap?.LocalEndPoint;

    public bool IsConnected => _client.IsConnected;

    /// <summary>How often the connection was lost after start-up (each followed by a reconnect).</summary>
    public int ConnectionLosses => Volatile.Read(ref _connectionLosses);

    /// <summary>Builds the device and brings it online; a bad profile, policy or unreachable broker is a <see cref="DeployException"/>.</summary>
    public static async Task<SimulatedDevice> StartAsync(SimulatedDeviceOptions options, CancellationToken cancellationToken = default)
    {
        string? idError = DeviceTopics.DeviceIdError(options.DeviceId);
        if (idError is not null)
            throw new DeployException(idError);
        PolicyParseResult policy = PolicyParser.Parse(options.PolicyText);
        if (!policy.Ok)
            throw new DeployException(options.PolicySource + ": " + policy.FirstError() + "; `wbx tenant-policy check " + options.PolicySource + "` lists every problem");
        var boardOptions = new SimulatedBoardOptions { DeviceId = options.DeviceId, StorageDirectory = options.StorageDirectory };
        if (!SimulatedBoard.TryCreate(options.Profile, boardOptions, out SimulatedBoard? board, out var errors))
            throw new DeployException("profile " + options.Profile + ": " + string.Join("; ", errors));
        Action<string> log = options.Log ?? (_ => { });
        MqttSession? client = null;
        CoapUdpServerHost? coap = null;
        try
        {
            var topics = new DeviceTopics(options.DeviceId);
            client = new MqttSession(new MqttSessionOptions
            {
                Endpoint = options.Broker,
                ClientId = "wbx-device-" + options.DeviceId,
                KeepAlive = options.KeepAlive,
                Will = new MqttLastWill(topics.State, ProtocolJson.Offline(options.DeviceId), MqttQos.AtLeastOnce, Retain: true),
            });
            await ConnectAsync(client, cancellationToken);
            var transport = new MqttTransport(client, line => log("mqtt: " + line));
            var runtime = new WasmBoxRuntime(board, transport, null);
            string? refusal = runtime.Provision(policy.Tenants);
            if (refusal is not null)
                throw new DeployException(options.PolicySource + ": " + refusal);
            var updates = new UpdateManager(runtime, board.Storage, options.Keyring);
            updates.Boot();
            foreach (string failure in updates.BootFailures)
                log("boot: " + failure);
            Attestor? attestor = options.DeviceKey is null ? null : new Attestor(options.DeviceId, options.DeviceKey, updates, RuntimeVersion);
            var service = new DeviceService(options.DeviceId, RuntimeVersion, runtime, updates, attestor);
            service.Policies = StartPolicies(runtime, board, options, log);
            if (options.CoapPort is int port)
                coap = StartCoap(service, port);
            if (options.Threaded)
                runtime.StartThreads(10);
            // The agent shares the runtime's reference-counted subscriptions on the one client.
            var agent = new MqttAgent(service, runtime.Services.Transport);
            var device = new SimulatedDevice(board, client, runtime, updates, service, agent, coap, log);
            client.ConnectionStateChanged += device.OnConnectionStateChanged;
            agent.Start((int)options.TelemetryPeriod.TotalMilliseconds);
            // Online means listening: the agent's subscriptions are acknowledged before anyone is told.
            await client.FlushAsync(cancellationToken);
            return device;
        }
        catch
        {
            coap?.Dispose();
            client?.Abort();
            board.Dispose();
            throw;
        }
    }

    /// <summary>Power loss: the connection drops without DISCONNECT (the broker publishes the Last Will) and everything stops.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        _client.Abort();
        ShutDownLocal();
    }

    /// <summary>A clean shutdown: retained "offline", DISCONNECT, then the board goes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        Agent.Stop();
        await _client.DisconnectAsync();
        ShutDownLocal();
    }

    private void ShutDownLocal()
    {
        _client.ConnectionStateChanged -= OnConnectionStateChanged;
        _coap?.Dispose();
        Runtime.Shutdown();
        _board.Dispose();
    }

    /// <summary>After a reconnect the broker has published the Last Will: say "online" again.</summary>
    private void OnConnectionStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (e.State == MqttConnectionState.Connected && Volatile.Read(ref _stopped) == 0)
            Agent.PublishState();
        else if (e.State == MqttConnectionState.Reconnecting)
        {
            Interlocked.Increment(ref _connectionLosses);
            _log("connection lost (" + e.Reason?.Message + "); reconnecting");
        }
    }

    private static async Task ConnectAsync(MqttSession client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch (MqttConnectException e)
        {
            throw new DeployException(e.Message, e);
        }
    }

    /// <summary>The owner's policy channel, with the policies the board's drive kept reinstalled.</summary>
    private static PolicyChannel StartPolicies(WasmBoxRuntime runtime, SimulatedBoard board, SimulatedDeviceOptions options, Action<string> log)
    {
        var channel = PolicyChannel.Boot(runtime, board.Storage, options.OwnerKey, out string[] problems);
        foreach (string problem in problems)
            log("boot: policy " + problem);
        return channel;
    }

    private static CoapUdpServerHost StartCoap(DeviceService service, int port)
    {
        CoapServerOptions options = CoapAgent.ServerOptions(service);
        CoapUdpServerHost host;
        try
        {
            host = new CoapUdpServerHost(new IPEndPoint(IPAddress.Loopback, port), options);
        }
        catch (SocketException e)
        {
            throw new DeployException("cannot listen for CoAP on 127.0.0.1:" + port + ": " + e.Message, e);
        }
        CoapAgent.Register(host.Server, service);
        host.Start();
        return host;
    }
}
