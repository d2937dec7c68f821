using WasmBox.Nano.Mqtt;
using System.Diagnostics;
using System.Net;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using Xunit.Abstractions;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>The device's CoAP agent driven by libcoap's coap-client and by the client `wbx deploy --coap` uses.</summary>
public class CoapDeploymentTests(Mosquitto mosquitto, ITestOutputHelper log) : IClassFixture<Mosquitto>
{
    private static readonly string? CoapClientPath = FindTool("coap-client", "coap-client-notls");

    [SkippableFact]
    public async Task Coap_client_deploys_block_wise_and_invokes()
    {
        Skip.If(CoapClientPath is null, "libcoap's coap-client (Debian package libcoap3-bin) is not installed");
        MqttEndpoint broker = mosquitto.Require();
        await using SimulatedDevice device = await Devices.StartAsync(broker, Devices.NewId("coap"), coapPort: 0);
        int port = device.CoapEndPoint!.Port;
        string bundleFile = Path.Combine(Path.GetTempPath(), "wbx-coap-" + Guid.NewGuid().ToString("N") + ".wbx");
        byte[] bundle = TestBundles.Echo(1, 1000);
        Assert.True(bundle.Length > 3 * 64, "the bundle must need several 64-byte blocks");
        File.WriteAllBytes(bundleFile, bundle);
        try
        {
            string deployed = CoapClient("-m", "post", "-b", "64", "-f", bundleFile, "coap://127.0.0.1:" + port + "/deploy");
            Assert.Contains("\"status\":\"installed\"", deployed);
            Assert.Contains("\"bytes\":" + bundle.Length, deployed);

            string invoked = CoapClient("-m", "post", "-e", "hello", "coap://127.0.0.1:" + port + "/invoke?tenant=acme&slot=1");
            Assert.Contains("\"ok\":true", invoked);
            Assert.Contains("\"result\":1005", invoked);

            string links = CoapClient("-m", "get", "coap://127.0.0.1:" + port + "/.well-known/core");
            Assert.Contains("</deploy>", links);
            Assert.Contains("</invoke>", links);
            Assert.Contains("</state>", links);

            string state = CoapClient("-m", "get", "coap://127.0.0.1:" + port + "/state");
            Assert.Contains("\"name\":\"echo\"", state);
        }
        finally
        {
            File.Delete(bundleFile);
        }
    }

    [SkippableFact]
    public async Task The_host_client_deploys_gets_refusals_and_reads_a_functions_coap_answer()
    {
        MqttEndpoint broker = mosquitto.Require();
        await using SimulatedDevice device = await Devices.StartAsync(broker, Devices.NewId("coap-host"), coapPort: 0);
        using var client = new CoapDeviceClient(new BrokerAddress("127.0.0.1", device.CoapEndPoint!.Port));

        UpdateReply installed = client.Deploy(TestBundles.CoapHello(1, 4));
        Assert.True(installed.Ok, installed.ToString());
        InvokeReply hello = client.Invoke("acme", 4, []);
        Assert.Equal((true, "hi"), (hello.Ok, hello.Output));
        Assert.Equal("replay", client.Deploy(TestBundles.CoapHello(1, 4)).Refusal);
        Assert.Equal("too-large", client.Deploy(new byte[BundleReader.MaxBundleBytes + 1]).Refusal);
        Assert.Equal("no-such-function", client.Invoke("acme", 9, []).Refusal);
        Assert.Equal("hello", Assert.Single(client.State().Functions!).Name);
    }

    private string CoapClient(params string[] arguments)
    {
        var start = new ProcessStartInfo(CoapClientPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-B");
        start.ArgumentList.Add("20");
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(40_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("coap-client did not finish: " + string.Join(' ', arguments));
        }
        log.WriteLine("$ coap-client " + string.Join(' ', arguments) + " -> exit " + process.ExitCode);
        log.WriteLine(output.Result.Trim() + " " + error.Result.Trim());
        Assert.Equal(0, process.ExitCode);
        return output.Result;
    }

    private static string? FindTool(params string[] names) =>
        names.SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
