using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Deploy.Fleet;
using WasmBox.Nano.Deploy.Tests.Support;
using Xunit.Abstractions;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>Many simulated devices on one mosquitto get one bundle; none may be lost. (The 100-device figure comes from `wbx fleet`.)</summary>
public class FleetTests(Mosquitto mosquitto, ITestOutputHelper log) : IClassFixture<Mosquitto>
{
    [SkippableFact]
    public async Task Every_device_of_a_fleet_reports_installed_and_holds_the_function()
    {
        MqttEndpoint broker = mosquitto.Require();

        FleetReport report = await FleetTrial.RunAsync(new FleetTrialOptions
        {
            Devices = 25,
            Broker = broker,
            Bundle = TestBundles.Echo(1, 1000),
            PolicyText = TestTenants.Policy,
            Keyring = TestTenants.Keyring,
            IdPrefix = Devices.NewId("fleet") + "-",
            Timeout = TimeSpan.FromSeconds(60),
        }, log.WriteLine);

        log.WriteLine(report.ToString());
        Assert.True(report.NoneLost, report.ToString());
        Assert.Equal(25, report.Outcomes.Select(o => o.DeviceId).Distinct().Count());
    }
}
