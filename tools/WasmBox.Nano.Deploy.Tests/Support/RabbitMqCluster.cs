using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>
/// A two-node RabbitMQ cluster with the MQTT plugin on 127.0.0.1 (tools/test-peers/rabbitmq.sh
/// start 2) for one test class, started only when WBX_RABBITMQ=1: a node takes ≈25 s to boot
/// (minutes on a busy machine), so tools/test.sh skips these tests (tools/brokers/README.md).
/// WBX_RABBITMQ_NODES="PORT1 PORT2" uses a cluster already running instead (and leaves it running).
/// </summary>
public sealed class RabbitMqCluster : IDisposable
{
    public const string Switch = "WBX_RABBITMQ";
    public const string RunningNodes = "WBX_RABBITMQ_NODES";

    private static readonly string? Script = RepoFile.Find("tools/test-peers/rabbitmq.sh");
    private readonly string[]? _started;
    private readonly string[] _ports = [];
    private readonly string? _skip;

    public RabbitMqCluster()
    {
        _skip = Environment.GetEnvironmentVariable(Switch) != "1"
            ? "set " + Switch + "=1 to run the RabbitMQ cluster tests (they start two RabbitMQ nodes)"
            : !File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server") ? "rabbitmq-server is not installed (Debian package 'rabbitmq-server')"
            : Script is null ? "tools/test-peers/rabbitmq.sh was not found above the test binaries"
            : null;
        if (_skip is null && Environment.GetEnvironmentVariable(RunningNodes) is string ports)
        {
            _ports = ports.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return;
        }
        if (_skip is null)
        {
            _started = PeerScript.Run(Script!, TimeSpan.FromMinutes(10), "start", "2").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            _ports = _started[1..];
        }
    }

    /// <summary>Node 1 or 2's MQTT listener; skips the calling test when there is no cluster.</summary>
    public MqttEndpoint Node(int number)
    {
        Skip.If(_skip is not null, _skip);
        return new MqttEndpoint { Host = "127.0.0.1", Port = int.Parse(_ports[number - 1]) };
    }

    public void Dispose()
    {
        if (_started is not null)
            PeerScript.Run(Script!, TimeSpan.FromMinutes(2), "stop", _started[0]);
    }
}
