using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Tests.Support;

namespace WasmBox.Nano.Host.Tests;

public class ShippedProfileTests
{
    public static TheoryData<string> ProfileFiles() => new(RepoPaths.ProfileFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ProfileFiles))]
    public void EveryProfileFileLoadsAndValidates(string fileName)
    {
        ProfileLoadResult result = HardwareProfiles.LoadFile(Path.Combine(RepoPaths.ProfilesDirectory, fileName));

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), result.Profile!.Id);
    }

    [Fact]
    public void TheAssemblyShipsExactlyTheProfilesOfTheFolder()
    {
        Assert.Equal(RepoPaths.ProfileFiles().Select(Path.GetFileNameWithoutExtension), HardwareProfiles.Names);
    }

    [Fact]
    public void TheFourRequiredBoardsAreShipped()
    {
        Assert.Superset(new HashSet<string>(HardwareProfiles.Names),
            new HashSet<string> { "esp32-devkitc", "esp32-wrover-kit", "stm32f769i-discovery", "nucleo-f091rc" });
    }

    [Theory]
    [InlineData("esp32-devkitc", "ESP32_REV0", false, 4)]
    [InlineData("esp32-wrover-kit", "ESP_WROVER_KIT", true, 32)]
    [InlineData("stm32f769i-discovery", "ST_STM32F769I_DISCOVERY", false, 25)]
    [InlineData("nucleo-f091rc", "ST_NUCLEO64_F091RC", false, 1)]
    public void ProfilesNameTheirFirmwareAndDeriveTheirContainerCount(string id, string target, bool psram, int maxContainers)
    {
        HardwareProfile profile = ProfileJson.Load(id);

        Assert.Equal(target, profile.NanoffTarget);
        Assert.Equal(psram, profile.Memory.ExternalRam?.Kind == ExternalRamKind.Psram);
        Assert.Equal(maxContainers, profile.Limits.MaxContainers);
        Assert.Equal(maxContainers, ContainerLimits.MaxContainers(profile.Memory.ManagedHeapBytes, profile.Limits));
    }

    [Fact]
    public void TheSmallestBoardMarksNetworkAndStorageFeaturesAsNotFitting()
    {
        HardwareProfile f091 = ProfileJson.Load("nucleo-f091rc");

        Assert.Equal(32768, f091.Memory.RamBytes);
        Assert.Equal(new FeatureSet(Mqtt: false, MqttTls: false, Coap: false, PersistentStorage: false, SignedUpdates: false), f091.Features);
        Assert.Equal(NetworkKind.None, f091.Network);
        Assert.Equal(StorageKind.None, f091.Storage.Kind);
    }

    [Fact]
    public void ContainerFormulaUsesHeapReserveOverheadImageAndStack()
    {
        var limits = new LimitSpec(RuntimeReserveBytes: 1000, ContainerOverheadBytes: 100, MaxImageBytes: 200, StackFrames: 2, MaxContainers: 0);

        // per container: 100 + 2 * 200 + 2 * (512 + 40) = 1604
        Assert.Equal(1604, ContainerLimits.BytesPerContainer(limits));
        Assert.Equal(3, ContainerLimits.MaxContainers(1000 + 3 * 1604 + 1603, limits));
        Assert.Equal(0, ContainerLimits.MaxContainers(1000, limits));
        Assert.Equal(ContainerLimits.MaxContainersCap, ContainerLimits.MaxContainers(int.MaxValue, limits));
    }

    [Fact]
    public void AnUnknownProfileNameListsTheShippedOnes()
    {
        ProfileLoadResult result = HardwareProfiles.Load("esp8266");

        Assert.False(result.Ok);
        ProfileError error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains("esp32-devkitc", error.Reason);
    }

    [Fact]
    public void AMissingFileIsAnErrorNotAnException()
    {
        ProfileLoadResult result = HardwareProfiles.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "x.json"));

        Assert.False(result.Ok);
        Assert.Contains("cannot read", Assert.Single(result.Errors).Reason);
    }
}
