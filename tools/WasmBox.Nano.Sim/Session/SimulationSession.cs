using WasmBox.Nano.Bundle;
using WasmBox.Nano.Host.Messaging;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Sim.Session;

/// <summary>
/// A simulated board from a hardware profile with the runtime on it: tenants provisioned from
/// the owner's policy, bundles verified with the tenants' keys and installed through
/// <see cref="BundleInstaller"/>, and the outside world's side of the board (buttons, a
/// "cloud" client on the board's loopback broker, CoAP requests to the board's server). Started either threaded (real time, one
/// thread per container) or synchronous (every event runs on the caller's thread).
/// </summary>
public sealed class SimulationSession : IDisposable
{
    public const string CloudClientId = "sim-cloud";
    public const int TickMs = 10;

    private readonly ITenantKeyring _keyring;
    /// <summary>Largest CoAP payload a reply carries (a UDP datagram on the board's network stays small).</summary>
    public const int CoapPayloadCapacity = 1024;

    private readonly List<BundleInstallResult> _installs = [];
    private readonly List<CoapReply> _coapReplies = [];

    private SimulationSession(SimulatedBoard board, WasmBoxRuntime runtime, ITenantKeyring keyring)
    {
        Board = board;
        Runtime = runtime;
        _keyring = keyring;
        Events = new RuntimeEventFeed();
        runtime.Monitor.AddListener(Events);
        Output = new TenantOutputFeed(board.Clock);
        runtime.Services.TenantOutput = Output;
        Cloud = board.Broker?.Connect(CloudClientId);
    }

    /// <summary>Builds the board and provisions the policy; throws <see cref="SimSetupException"/> with the reason.</summary>
    public static SimulationSession Create(SimulationOptions options)
    {
        if (!SimulatedBoard.TryCreate(options.Profile, new SimulatedBoardOptions { Clock = options.Clock },
                out SimulatedBoard? board, out var errors))
        {
            throw new SimSetupException("profile " + options.Profile + ": " + string.Join("; ", errors));
        }
        try
        {
            PolicyParseResult policy = PolicyParser.Parse(options.PolicyText);
            if (!policy.Ok)
            {
                throw new SimSetupException(options.PolicySource + ": " + policy.FirstError() + "; `wbx tenant-policy check " + options.PolicySource + "` lists every problem");
            }
            var runtime = new WasmBoxRuntime(board, board.Messages, options.Monitor);
            string? refusal = runtime.Provision(policy.Tenants);
            if (refusal is not null)
            {
                throw new SimSetupException(options.PolicySource + ": " + refusal);
            }
            return new SimulationSession(board, runtime, options.Keyring);
        }
        catch
        {
            board.Dispose();
            throw;
        }
    }

    public SimulatedBoard Board { get; }

    public WasmBoxRuntime Runtime { get; }

    public RuntimeEventFeed Events { get; }

    /// <summary>What the tenants' functions print, for the views.</summary>
    public TenantOutputFeed Output { get; }

    /// <summary>The outside world's MQTT client on the board's broker; null when the profile has no network.</summary>
    public LoopbackTransport? Cloud { get; }

    public bool Started { get; private set; }

    /// <summary>Every install attempt in order, refused ones included.</summary>
    public IReadOnlyList<BundleInstallResult> Installs => _installs;

    /// <summary>Verifies and installs one bundle; a refusal is returned, not thrown.</summary>
    public BundleInstallResult Install(NamedBundle bundle)
    {
        BundleInstallResult result = BundleInstaller.Install(Runtime, bundle.Bytes, _keyring);
        _installs.Add(result);
        return result;
    }

    /// <summary>Installs every bundle; the first refusal is a <see cref="SimSetupException"/>.</summary>
    public void InstallAll(IEnumerable<NamedBundle> bundles)
    {
        foreach (NamedBundle bundle in bundles)
        {
            BundleInstallResult result = Install(bundle);
            if (!result.Ok)
            {
                throw new SimSetupException(bundle.Source + " refused (" + BundleRefusalText.Name(result.Refusal) + "): " + result.Reason);
            }
        }
    }

    /// <summary>
    /// Starts every installed container (each gets its install hook), then, when
    /// <paramref name="threaded"/>, one thread per container and the timer thread; then boots.
    /// </summary>
    public void Start(bool threaded)
    {
        if (Started)
        {
            throw new InvalidOperationException("the session is already started");
        }
        Started = true;
        foreach (Container c in Runtime.Containers)
        {
            if (c.State == ContainerState.Installed)
            {
                Runtime.Start(c);
            }
        }
        if (threaded)
        {
            Runtime.StartThreads(TickMs);
        }
        Runtime.Boot();
    }

    /// <summary>Press and release a profile button: two edges on its pin.</summary>
    public bool Click(string button) => Board.Gpio.ClickButton(button);

    /// <summary>
    /// Publishes from the cloud side on a tenants' topic, named relative to the board's
    /// wbx/{deviceId}/app/ as hooks and grants name it; false when the board has no network or the topic is invalid.
    /// </summary>
    public bool Publish(string topic, byte[] payload) =>
        Cloud is not null && Cloud.Publish(Runtime.Services.AppTopicPrefix + topic, payload, 0, false);

    /// <summary>Every CoAP request sent with <see cref="Request"/>, in order.</summary>
    public IReadOnlyList<CoapReply> CoapReplies
    {
        get
        {
            lock (_coapReplies)
            {
                return _coapReplies.ToArray();
            }
        }
    }

    /// <summary>
    /// A CoAP request from a client on the network to <paramref name="path"/>, handled the way the
    /// board's CoAP server does (synchronously, by the containers on that path); recorded in
    /// <see cref="CoapReplies"/>. False when no container answered.
    /// </summary>
    public bool Request(string path, byte[] body)
    {
        var response = new CoapResponse(CoapPayloadCapacity);
        long start = Board.Clock.NowMs;
        bool answered = Runtime.HandleCoap(path, body, body.Length, response);
        long end = Board.Clock.NowMs;
        var reply = new CoapReply(path, start, end, answered, response.Code, response.Format, response.Payload[..response.PayloadLength]);
        lock (_coapReplies)
        {
            _coapReplies.Add(reply);
        }
        return answered;
    }

    public void Dispose()
    {
        Runtime.Shutdown();
        Runtime.Monitor.RemoveListener(Events);
        Board.Dispose();
    }
}
