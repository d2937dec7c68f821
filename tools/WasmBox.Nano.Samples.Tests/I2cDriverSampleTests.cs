using System.Globalization;
using System.Text;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation.Buses;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Samples.Tests.Support;
using WasmBox.Nano.Signing.Authoring;
using WasmBox.Nano.Bundle;
using HookKind = WasmBox.Nano.Runtime.Hooks.HookKind;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Samples.Tests;

/// <summary>
/// tools/samples/drivers/sht3x.c, built with clang, driving the simulated SHT3x of the
/// ESP32-DevKitC profile over I2C bus 0: what it publishes matches the profile's signals across
/// their range, within the part's resolution (0.01 °C, 0.01 %RH).
/// </summary>
public class I2cDriverSampleTests
{
    private const int PeriodMs = 1000;
    private const string I2cSpec = "0:0x44:100000:21:22";

    private static readonly SampleSpec Sht3xSample = new("sht3x", "drivers/sht3x.c", "sht3x", "acme", 3,
        ["timer:1000"], [], [], new(5000, 500, 1024, 1));

    private static string PolicyPath => Path.Combine(SamplePaths.Root, "drivers", "policy.sht3x.json");

    [SkippableFact]
    public void PublishesTheSimulatedTemperatureAndHumidityAcrossTheirRange()
    {
        using var device = new SimulatedDevice(provisioning: File.ReadAllText(PolicyPath));
        Container c = Install(device);
        I2cPartSpec part = device.Board.Profile.I2cBuses.Single().Devices.Single();
        var measuredAt = new List<long>();
        for (int run = 0; run < 75; run++)
        {
            measuredAt.Add(device.Clock.NowMs); // each run starts the measurement the next one publishes
            device.Runtime.Dispatch(HookKind.Timer, PeriodMs, null, null, 0);
            Assert.Equal(VmStatus.Ok, c.LastStatus);
            device.Clock.Advance(PeriodMs);
        }

        var published = device.Published.Select(m => Parse(Encoding.ASCII.GetString(m.Payload))).ToList();
        Assert.Equal(measuredAt.Count - 1, published.Count);
        for (int i = 0; i < published.Count; i++)
        {
            long at = measuredAt[i];
            Assert.InRange(published[i].CentiT, part.Temperature.ValueAt(at) - 1, part.Temperature.ValueAt(at) + 1);
            Assert.InRange(published[i].CentiRh, part.Humidity.ValueAt(at) - 1, part.Humidity.ValueAt(at) + 1);
        }
        Assert.Contains(published, p => p.CentiT < 0);
        Assert.Contains(published, p => p.CentiT > 5500);
        Assert.Contains(published, p => p.CentiRh < 1000);
        Assert.Contains(published, p => p.CentiRh > 9000);
    }

    [SkippableFact]
    public void FirstRunReadsTheStatusRegisterWithAValidCrc()
    {
        using var device = new SimulatedDevice(provisioning: File.ReadAllText(PolicyPath));
        Container c = Install(device);
        device.Runtime.Dispatch(HookKind.Timer, PeriodMs, null, null, 0);
        Assert.Equal(VmStatus.Ok, c.LastStatus);
        Assert.Equal((ulong)Sht3x.ResetStatus, c.LastResult);
        Assert.Empty(device.Published);
    }

    [Fact]
    public void TheCrcMatchesTheDatasheetExample()
    {
        Assert.Equal(0x92, Sht3x.Crc8(0xBE, 0xEF)); // SHT3x-DIS datasheet, table 19
    }

    private static I2cDevice Device()
    {
        I2cRequest r = I2cSpecs.Parse(I2cSpec);
        return new I2cDevice(r.Bus, r.Address, r.SpeedHz, r.Sda, r.Scl);
    }

    private static Container Install(SimulatedDevice device)
    {
        FunctionImage image = SampleBuilds.Build(Sht3xSample).Image;
        ContainerManifest manifest = SampleInstaller.Manifest(Sht3xSample, image);
        manifest.I2cDevices = [Device()];
        InstallResult result = device.Runtime.Install(Sht3xSample.Tenant, manifest, image.Text);
        Assert.True(result.Ok, result.Reason);
        Assert.True(device.Runtime.Start(result.Container));
        return result.Container;
    }

    /// <summary>"t=-9.90 rh=50.00" as hundredths.</summary>
    private static (int CentiT, int CentiRh) Parse(string text)
    {
        string[] parts = text.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.StartsWith("t=", parts[0]);
        Assert.StartsWith("rh=", parts[1]);
        return (Centi(parts[0][2..]), Centi(parts[1][3..]));
    }

    private static int Centi(string value) =>
        (int)Math.Round(decimal.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100);
}
