using System.Text.RegularExpressions;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Samples.Tests.Support;

namespace WasmBox.Nano.Samples.Tests;

/// <summary>
/// The C API agrees with the runtime (helper ids, the Femto-Containers numbering), and the demo
/// policy grants what the samples need.
/// </summary>
public partial class HeaderAndPolicyTests
{
    [GeneratedRegex(@"#define WBX_FUNC_(\w+)\s+0x([0-9A-Fa-f]+)")]
    private static partial Regex HelperIdDefine();

    [Fact]
    public void WasmboxHeaderDeclaresEveryRuntimeHelperWithItsId()
    {
        string header = File.ReadAllText(Path.Combine(SamplePaths.Include, "wasmbox.h"));
        var declared = HelperIdDefine().Matches(header)
            .ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => Convert.ToInt32(m.Groups[2].Value, 16));

        Assert.Equal(HelperIds.All().Order(), declared.Values.Order());
        foreach ((string name, int id) in declared)
        {
            Assert.Equal(id, HelperIds.IdOf(name));
            Assert.Contains("wbx_" + name + ")", header); // a function pointer of that name
        }
    }

    [SkippableFact]
    public void FemtoSourcesCallTheFemtoContainersHelperIds()
    {
        // Femto-Containers' own numbers (RIOT sys/include/bpf/shared.h): fetch/store global
        // 0x13/0x11, printf 0x01, saul find_nth/read 0x30/0x32, ztimer now/periodic 0x60/0x61.
        Assert.Equal([0x01, 0x11, 0x13], SampleBuilds.Build(SampleCatalog.EventCounter).HelperIds.Order());
        Assert.Equal([0x11, 0x30, 0x32, 0x60, 0x61], SampleBuilds.Build(SampleCatalog.SensorReader).HelperIds.Order());
    }

    [SkippableFact]
    public void EverySampleInstallsTogetherUnderTheDemoPolicy()
    {
        using var device = new SimulatedDevice(profileId: SimulatedDevice.RoomyProfileId);
        foreach (SampleSpec sample in SampleCatalog.All)
        {
            InstallResult result = SampleInstaller.Install(device.Runtime, sample, SampleBuilds.Build(sample).Image);
            Assert.True(result.Ok, sample.Name + ": " + result.Reason);
        }
        Assert.Equal(SampleCatalog.All.Length, device.Runtime.Containers.Length);
    }

    [SkippableFact]
    public void OnTheDevKitCTheBoardsHeapNotThePolicyLimitsHowManySamplesInstall()
    {
        using var device = new SimulatedDevice();
        InstallResult[] results = SampleCatalog.All
            .Select(sample => SampleInstaller.Install(device.Runtime, sample, SampleBuilds.Build(sample).Image)).ToArray();

        Assert.True(results[0].Ok, results[0].Reason);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal(InstallError.BoardMemoryExhausted, r.Error));
        Assert.Contains(results, r => !r.Ok);
    }

    [SkippableFact]
    public void ASampleOutsideItsTenantsGrantIsRefused()
    {
        using var device = new SimulatedDevice();
        // globex is not granted pin 2 nor gpio_toggle: the blinker is refused for it.
        InstallResult result = SampleInstaller.Install(device.Runtime, SampleCatalog.Blinker with { Tenant = "globex" },
            SampleBuilds.Build(SampleCatalog.Blinker).Image);
        Assert.False(result.Ok);
    }
}
