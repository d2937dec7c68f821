using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Tests.Support;

namespace WasmBox.Nano.Mqtt.Tests.Client;

/// <summary>ConnectAsync fails with <see cref="MqttConnectException"/> saying why, and the client can try again.</summary>
public class ConnectFailureTests
{
    [Theory]
    [InlineData(ConnectReturnCode.NotAuthorized)]
    [InlineData(ConnectReturnCode.BadUserNameOrPassword)]
    [InlineData(ConnectReturnCode.IdentifierRejected)]
    public async Task A_refusal_carries_its_return_code(ConnectReturnCode code)
    {
        using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options("refused"));
        Task connecting = client.ConnectAsync();
        using FakeBroker.Peer peer = await broker.AcceptAsync();
        await peer.SendAsync(new ConnAckPacket(false, code));

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => connecting);

        Assert.Equal(code, error.ReturnCode);
        Assert.Contains(code.ToString(), error.Message);
        Assert.Equal(MqttConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task A_broker_that_never_answers_times_out()
    {
        using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options("silent") with { ConnectTimeout = TimeSpan.FromMilliseconds(300) });
        Task connecting = client.ConnectAsync();
        using FakeBroker.Peer peer = await broker.AcceptAsync();

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => connecting);

        Assert.Contains("no CONNACK", error.Message);
        Assert.Null(error.ReturnCode);
    }

    [Fact]
    public async Task Another_packet_instead_of_connack_is_refused()
    {
        using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options("confused"));
        Task connecting = client.ConnectAsync();
        using FakeBroker.Peer peer = await broker.AcceptAsync();
        await peer.SendAsync(PingRespPacket.Instance);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => connecting);
        Assert.Contains("PingResp instead of CONNACK", error.Message);
    }

    [Fact]
    public async Task No_broker_listening_and_then_a_second_attempt_that_succeeds()
    {
        using var broker = new FakeBroker();
        MqttClientOptions options = broker.Options("retry");
        broker.Dispose();
        await using var client = new MqttClient(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());
        Assert.Contains($"cannot connect to 127.0.0.1:{options.Port}", error.Message);

        using var again = new FakeBroker();
        await using var second = new MqttClient(again.Options("retry"));
        Task connecting = second.ConnectAsync();
        using FakeBroker.Peer peer = await again.AcceptAsync();
        await peer.AcceptConnectionAsync();
        await connecting;
        Assert.True(second.IsConnected);
    }

    [Fact]
    public void Options_are_checked_when_the_client_is_made()
    {
        var valid = new MqttClientOptions { Host = "127.0.0.1", ClientId = "c" };

        Assert.Throws<ArgumentException>(() => new MqttClient(valid with { KeepAlive = TimeSpan.FromMilliseconds(1500) }));
        Assert.Throws<ArgumentException>(() => new MqttClient(valid with { ClientId = "", CleanSession = false }));
        Assert.Throws<ArgumentException>(() => new MqttClient(valid with { Password = "p" }));
        Assert.Throws<ArgumentException>(() => new MqttClient(valid with { Port = 0 }));
        Assert.Throws<ArgumentException>(() => new MqttClient(valid with { Reconnect = new MqttReconnectPolicy { Jitter = 2 } }));
    }
}
