using System.Text;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation.Buses;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Samples.Tests.Support;
using WasmBox.Nano.Signing.Authoring;
using WasmBox.Nano.Vm;
using HookKind = WasmBox.Nano.Runtime.Hooks.HookKind;

namespace WasmBox.Nano.Samples.Tests;

/// <summary>
/// tools/samples/drivers/adc_pwm.c, built with clang, on the ESP32-DevKitC profile's ADC channel 6
/// (a 0-3300 mV ramp) and PWM channel 0: the published millivolts follow the signal across its
/// range within one step of the 12-bit converter, and the PWM duty follows the reading. Install
/// refuses channels outside the grant or held by another tenant.
/// </summary>
public class AdcPwmSampleTests
{
    private const int PeriodMs = 1000;

    private static readonly SampleSpec AdcPwmSample = new("adc_pwm", "drivers/adc_pwm.c", "adc_pwm", "acme", 4,
        ["timer:1000"], [], [], new(5000, 500, 1024, 1));

    private static string PolicyPath => Path.Combine(SamplePaths.Root, "drivers", "policy.adc_pwm.json");

    [SkippableFact]
    public void PublishesTheSimulatedVoltageAndDimsThePwmAcrossTheRange()
    {
        using var device = new SimulatedDevice(provisioning: File.ReadAllText(PolicyPath));
        InstallResult installed = Install(device, "acme", "adc_pwm");
        Assert.True(installed.Ok, installed.Reason);
        Assert.True(device.Runtime.Start(installed.Container));
        Container c = installed.Container;
        AdcSpec adc = device.Board.Profile.Peripherals.Adc.Single();
        SimulatedPwm pwm = device.Board.PwmChannels.Single();
        double millivoltsPerStep = adc.ReferenceMillivolts / (double)((1 << adc.Bits) - 1);
        for (int run = 0; run < 45; run++)
        {
            int expected = adc.Millivolts.ValueAt(device.Clock.NowMs);
            device.Runtime.Dispatch(HookKind.Timer, PeriodMs, null, null, 0);
            Assert.Equal(VmStatus.Ok, c.LastStatus);
            string payload = Encoding.ASCII.GetString(device.Published[^1].Payload);
            Assert.StartsWith("mv=", payload);
            int published = int.Parse(payload[3..]);
            Assert.InRange(published, expected - millivoltsPerStep, expected + millivoltsPerStep);
            Assert.Equal((ulong)published, c.LastResult);
            Assert.Equal(1000, pwm.FrequencyHz);
            Assert.InRange(pwm.Duty, expected * 10000 / adc.ReferenceMillivolts - 4, expected * 10000 / adc.ReferenceMillivolts + 4);
            device.Clock.Advance(PeriodMs);
        }
        Assert.Equal(45, device.Published.Count);
        Assert.Contains(device.Published, m => Encoding.ASCII.GetString(m.Payload) == "mv=0");
        Assert.Contains(device.Published, m => int.Parse(Encoding.ASCII.GetString(m.Payload)[3..]) > 3200);
        Assert.Contains(device.Board.Log.Lines(), l => l.Source == "pwm");
    }

    [SkippableFact]
    public void InstallRefusesChannelsOutsideTheGrantOrHeldByAnotherTenant()
    {
        const string policy = """
            {"tenants": [
              {"id": "acme", "helpers": ["adc_read", "pwm_set", "fmt_u32_dec", "mqtt_publish"], "topics": ["acme/#"], "pwm": [0], "adc": [6],
               "limits": {"maxContainers": 2, "maxImageBytes": 8192, "ramBytes": 32768, "instructionsPerRun": 5000, "branchesPerRun": 500, "runsPerSecond": 10, "helperCallsPerSecond": 50}},
              {"id": "globex", "helpers": ["adc_read", "pwm_set", "fmt_u32_dec", "mqtt_publish"], "topics": ["globex/#"], "adc": [6],
               "limits": {"maxContainers": 2, "maxImageBytes": 8192, "ramBytes": 32768, "instructionsPerRun": 5000, "branchesPerRun": 500, "runsPerSecond": 10, "helperCallsPerSecond": 50}}
            ]}
            """;
        using var device = new SimulatedDevice(provisioning: policy);
        InstallResult ungranted = Install(device, "globex", "pwm");
        Assert.Equal(InstallError.BusDeviceNotGranted, ungranted.Error);
        Assert.Contains("PWM 0 (pin 25)", ungranted.Reason);
        Assert.True(Install(device, "acme", "first").Ok);
        InstallResult claimed = Install(device, "globex", "second", pwm: false);
        Assert.Equal(InstallError.BusDeviceClaimed, claimed.Error);
        Assert.Contains("adc 6 is held by tenant 'acme'", claimed.Reason);
    }

    /// <summary>
    /// Installs the sample as <paramref name="tenant"/>'s container named <paramref name="name"/>,
    /// declaring ADC 6 and (unless <paramref name="pwm"/> is false) PWM 0, as wbx pack --adc 6:34 --pwm 0:25 does.
    /// </summary>
    private static InstallResult Install(SimulatedDevice device, string tenant, string name, bool pwm = true)
    {
        FunctionImage image = SampleBuilds.Build(AdcPwmSample).Image;
        ContainerManifest manifest = SampleInstaller.Manifest(AdcPwmSample, image);
        manifest.Name = name;
        ChannelRequest output = PeripheralSpecs.ParseChannel("pwm", "0:25");
        ChannelRequest input = PeripheralSpecs.ParseChannel("adc", "6:34");
        manifest.Peripherals = new PeripheralNeeds(null, null, pwm ? [new ChannelUse(output.Channel, output.Pin)] : [],
            [new ChannelUse(input.Channel, input.Pin)]);
        return device.Runtime.Install(tenant, manifest, image.Text);
    }
}
