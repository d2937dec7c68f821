using System.Diagnostics;

namespace WasmBox.Nano.Mqtt.Tests.Support;

/// <summary>
/// A private mosquitto on 127.0.0.1, started and stopped through tools/test-peers/mosquitto.sh
/// (anonymous, no persistence, free port). Tests calling <see cref="StartAsync"/> are skipped
/// when mosquitto is not installed.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly string? Script = FindScript();

    private MosquittoBroker(int port) => Port = port;

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync()
    {
        Skip.If(!IsInstalled(), "mosquitto is not installed (Debian package 'mosquitto'); the MQTT integration tests need it");
        Skip.If(Script is null, "tools/test-peers/mosquitto.sh not found above the test binaries");
        string output = await RunScriptAsync("start");
        return new MosquittoBroker(int.Parse(output.Trim()));
    }

    /// <summary>Stops the broker; its port stays reserved for <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => RunScriptAsync("stop", Port.ToString());

    /// <summary>Starts a fresh broker (no retained state, no sessions) on the same port.</summary>
    public Task StartAgainAsync() => RunScriptAsync("start", Port.ToString());

    public MqttSessionOptions Options(string clientId) => new()
    {
        Endpoint = new MqttEndpoint { Host = "127.0.0.1", Port = Port },
        ClientId = clientId,
        Timeout = TimeSpan.FromSeconds(5),
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
    };

    /// <summary>A connected session; disposing it disconnects.</summary>
    public async Task<MqttSession> ConnectAsync(string clientId, Func<MqttSessionOptions, MqttSessionOptions>? adjust = null)
    {
        MqttSessionOptions options = Options(clientId);
        var client = new MqttSession(adjust is null ? options : adjust(options));
        await client.ConnectAsync().WaitAsync(Wait.Timeout);
        return client;
    }

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop", Port.ToString());

    private static bool IsInstalled() =>
        File.Exists("/usr/sbin/mosquitto") ||
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "mosquitto")));

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tools", "test-peers", "mosquitto.sh");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script!);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Wait.Timeout);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"mosquitto.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
