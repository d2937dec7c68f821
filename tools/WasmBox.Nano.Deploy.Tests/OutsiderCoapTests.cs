using System.Net;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>
/// Issue 11's UDP attacks replayed against a simulated device over real UDP: block-wise deploys
/// from two honest peers interleave and both complete; a third peer's Block1 datagram in the middle
/// (the hijack) gets 5.03 with Max-Age and aborts nothing.
/// </summary>
public class OutsiderCoapTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>
{
    private const int Exponent = 2; // 64-byte blocks: every bundle here takes several

    [SkippableFact]
    public async Task Two_honest_block_wise_deploys_at_once_both_complete_and_a_hijacker_gets_5_03()
    {
        MqttEndpoint broker = mosquitto.Require();
        await using SimulatedDevice device = await Devices.StartAsync(broker, Devices.NewId("coap-blocks"), coapPort: 0);
        var endpoint = new IPEndPoint(IPAddress.Loopback, device.CoapEndPoint!.Port);
        using var alice = new RawCoapPeer(endpoint);
        using var bob = new RawCoapPeer(endpoint);
        using var mallory = new RawCoapPeer(endpoint);
        byte[] first = TestBundles.Echo(1, 1000, slot: 1);
        byte[] second = TestBundles.Echo(1, 2000, slot: 2, name: "echo-two");
        int blocks = RawCoapPeer.BlockCount(first, Exponent);
        Assert.True(blocks >= 3 && blocks == RawCoapPeer.BlockCount(second, Exponent));

        RawCoapPeer.Answer a = null!, b = null!;
        for (int i = 0; i < blocks; i++)
        {
            a = alice.SendBlock("deploy", first, i, Exponent);
            b = bob.SendBlock("deploy", second, i, Exponent);
            if (i == 1)
            {
                // Both slots hold active transfers: the newcomer waits, nobody is evicted.
                RawCoapPeer.Answer hijack = mallory.SendBlock("deploy", new byte[200], 0, Exponent);
                Assert.Equal("5.03", hijack.Code);
                Assert.InRange(hijack.MaxAge, 1, 20);
            }
            if (i < blocks - 1)
                Assert.Equal(("2.31", "2.31"), (a.Code, b.Code));
        }

        Assert.True(a.Code == "2.04", a.ToString());
        Assert.Contains("\"status\":\"installed\"", a.Payload);
        Assert.True(b.Code == "2.04", b.ToString());
        Assert.Contains("\"status\":\"installed\"", b.Payload);
        Assert.Equal(["acme/1", "acme/2"], device.Updates.Installed.Select(f => f.Tenant + "/" + f.Slot).Order().ToArray());

        // Once the slots are free, the third peer's transfer goes through like any other.
        RawCoapPeer.Answer late = mallory.SendAll("deploy", TestBundles.CoapHello(1, 4), Exponent);
        Assert.True(late.Code == "2.04", late.ToString());
    }
}
