using System.Text.Json.Nodes;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Cli.Simulating;

/// <summary>
/// A tenant policy granting one function exactly what it declares and calls (helpers, pins, sensors,
/// I2C devices, its hooks' topics and paths), every limit at its default: what `wbx sim` provisions
/// when the project has no policy of its own.
/// </summary>
internal static class DeclaredPolicy
{
    public static string For(Manifest manifest, int[] helpers, string[] topics)
    {
        bool actuates = helpers.Contains(HelperIds.ActuatorWrite);
        var tenant = new JsonObject
        {
            ["id"] = manifest.Tenant,
            ["helpers"] = new JsonArray(helpers.Select(id => (JsonNode)id).ToArray()),
            ["pins"] = new JsonArray(manifest.Pins.Select(p => (JsonNode)new JsonObject
            {
                ["pin"] = p.Pin, ["mode"] = PinModes.NameOf((PinDriveMode)p.Mode),
            }).ToArray()),
            ["sensors"] = new JsonArray(manifest.Sensors.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s, ["access"] = actuates ? "readwrite" : "read",
            }).ToArray()),
            ["topics"] = new JsonArray(topics.Concat(HookPaths(manifest, HookKind.Mqtt)).Distinct().Select(t => (JsonNode)t).ToArray()),
            ["coapPaths"] = new JsonArray(HookPaths(manifest, HookKind.Coap).Distinct().Select(p => (JsonNode)p).ToArray()),
            ["i2c"] = new JsonArray(manifest.I2c.Select(d => (JsonNode)new JsonObject { ["bus"] = d.Bus, ["first"] = d.Address }).ToArray()),
        };
        return new JsonObject { ["tenants"] = new JsonArray(tenant) }.ToJsonString();
    }

    private static IEnumerable<string> HookPaths(Manifest manifest, int kind) =>
        manifest.Hooks.Where(h => h.Kind == kind && h.Path is not null).Select(h => h.Path);
}
