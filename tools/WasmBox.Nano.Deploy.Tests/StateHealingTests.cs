using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>The retained state and the telemetry documents the device agent publishes.</summary>
public class StateHealingTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>
{
    [SkippableFact]
    public async Task A_late_last_will_is_overwritten_by_the_living_device()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("lazarus");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        Assert.True((await client.GetStateAsync(id, Devices.Wait))?.Online);

        // What the broker does when a previous connection's Last Will arrives late.
        await using (var stale = new MqttSession(new MqttSessionOptions { Endpoint = broker, ClientId = "stale-" + id }))
        {
            await stale.ConnectAsync();
            await stale.PublishAsync(new DeviceTopics(id).State, ProtocolJson.Offline(id), MqttQos.AtLeastOnce, retain: true);
        }

        DeviceState? state = null;
        for (int i = 0; i < 100 && state?.Online != true; i++)
        {
            await Task.Delay(50);
            state = await client.GetStateAsync(id, Devices.Wait);
        }
        Assert.True(state!.Online);
    }

    [Fact]
    public void Telemetry_carries_free_memory_only_when_the_board_reports_it()
    {
        string with = System.Text.Encoding.UTF8.GetString(ProtocolJson.Telemetry("dev-1", 1, 0, 48000, new InstalledFunction[0]));
        string without = System.Text.Encoding.UTF8.GetString(ProtocolJson.Telemetry("dev-1", 1, 0, -1, new InstalledFunction[0]));
        Assert.Contains("\"freeBytes\":48000", with);
        Assert.DoesNotContain("freeBytes", without);
    }
}
