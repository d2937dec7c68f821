using System.Text.Json.Nodes;
using WasmBox.Nano.Host.Profiles;

namespace WasmBox.Nano.Host.Tests.Support;

/// <summary>Shipped profiles as editable JSON, to derive broken variants from a good one.</summary>
internal static class ProfileJson
{
    public static JsonObject Read(string id) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.ProfilesDirectory, id + ".json")))!.AsObject();

    public static HardwareProfile Load(string id)
    {
        ProfileLoadResult result = HardwareProfiles.Load(id);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Profile!;
    }
}
