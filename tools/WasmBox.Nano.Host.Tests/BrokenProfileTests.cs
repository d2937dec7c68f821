using WasmBox.Nano.TestSupport;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Tests.Support;

namespace WasmBox.Nano.Host.Tests;

/// <summary>Each case breaks one thing in a good profile and expects that field and reason.</summary>
public class BrokenProfileTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "unknown top-level field", "$.colour", "unknown field" },
        { "unknown pin field", "$.pins[0].speed", "unknown field" },
        { "heap as a string", "$.memory.managedHeapBytes", "must be an integer, not a string" },
        { "feature as a number", "$.features.mqtt", "must be true or false, not the number 1" },
        { "pins as an object", "$.pins", "must be an array, not an object" },
        { "missing nanoff target", "$.nanoffTarget", "is required" },
        { "empty nanoff target", "$.nanoffTarget", "must name the nanoff firmware target" },
        { "unknown nanoff target", "$.nanoffTarget", "unknown nanoff target \"ESP32_WROOM_99\"" },
        { "PSRAM build on a board without PSRAM", "$.nanoffTarget", "is a PSRAM build" },
        { "STM32 target for an ESP32", "$.nanoffTarget", "is for Stm32 parts" },
        { "duplicate pin", "$.pins[1].number", "duplicate pin 0 (already at $.pins[0])" },
        { "pin number out of range", "$.pins[0].number", "outside [0, 1023]" },
        { "unknown capability", "$.pins[0].capabilities[6]", "unknown capability \"dac\"" },
        { "capability twice", "$.pins[0].capabilities[6]", "capability \"input\" is listed twice" },
        { "pullup without input", "$.pins[1].capabilities", "need the input capability" },
        { "LED on an input-only pin", "$.leds[0].pin", "pin 34 (GPIO34) has no output capability" },
        { "LED on a missing pin", "$.leds[0].pin", "no pin 99 in $.pins" },
        { "LED on a reserved pin", "$.leds[0].pin", "pin 6 (GPIO6) is reserved" },
        { "LED with an unknown active level", "$.leds[0].activeLevel", "unknown value \"medium\"" },
        { "button on an LED's pin", "$.buttons[0].pin", "already drives $.leds[0]" },
        { "button on an output-only pin", "$.buttons[0].pin", "needs input and interrupt" },
        { "unknown sensor signal", "$.sensors[0].signal.kind", "unknown value \"noise\"" },
        { "sine without a period", "$.sensors[0].signal.periodMs", "is required" },
        { "zero period", "$.sensors[0].signal.periodMs", "is 0, outside [1," },
        { "unknown sensor type", "$.sensors[0].type", "unknown value \"radiation\"" },
        { "duplicate sensor name", "$.sensors[1].name", "duplicate device name \"temp0\"" },
        { "actuator initial out of range", "$.actuators[0].initial", "is 5, outside [0, 1]" },
        { "unknown network", "$.network", "unknown value \"lora\"" },
        { "MQTT without a network", "$.features.mqtt", "needs a network" },
        { "persistent storage without storage", "$.features.persistentStorage", "needs storage" },
        { "TLS without MQTT", "$.features.mqttTls", "needs mqtt" },
        { "wrong drive letter", "$.storage.drive", "mounts internal flash as I:" },
        { "no-storage with a drive", "$.storage.drive", "must be absent" },
        { "heap larger than RAM", "$.memory.managedHeapBytes", "more than the board's" },
        { "derived limit inconsistent", "$.limits.maxContainers", "is 9, but the formula gives" },
        { "budget fits no container", "$.limits", "fits no container" },
        { "reserve eats the heap", "$.limits.runtimeReserveBytes", "leaving nothing" },
        { "image not whole instructions", "$.limits.maxImageBytes", "not a multiple of the 8-byte instruction size" },
        { "bad id", "$.id", "is not a short lower-case name" },
    };

    private static readonly Dictionary<string, Action<JsonObject>> Breakers = new()
    {
        ["unknown top-level field"] = p => p["colour"] = "red",
        ["unknown pin field"] = p => Pin(p, 0)["speed"] = 1,
        ["heap as a string"] = p => p["memory"]!["managedHeapBytes"] = "big",
        ["feature as a number"] = p => p["features"]!["mqtt"] = 1,
        ["pins as an object"] = p => p["pins"] = new JsonObject(),
        ["missing nanoff target"] = p => p.Remove("nanoffTarget"),
        ["empty nanoff target"] = p => p["nanoffTarget"] = "",
        ["unknown nanoff target"] = p => p["nanoffTarget"] = "ESP32_WROOM_99",
        ["PSRAM build on a board without PSRAM"] = p => p["nanoffTarget"] = "ESP32_PSRAM_REV0",
        ["STM32 target for an ESP32"] = p => p["nanoffTarget"] = "ST_NUCLEO64_F091RC",
        ["duplicate pin"] = p => Pin(p, 1)["number"] = 0,
        ["pin number out of range"] = p => Pin(p, 0)["number"] = 5000,
        ["unknown capability"] = p => Pin(p, 0)["capabilities"]!.AsArray().Add("dac"),
        ["capability twice"] = p => Pin(p, 0)["capabilities"]!.AsArray().Add("input"),
        ["pullup without input"] = p => Pin(p, 1)["capabilities"] = new JsonArray("output", "pullup"),
        ["LED on an input-only pin"] = p => p["leds"]![0]!["pin"] = 34,
        ["LED on a missing pin"] = p => p["leds"]![0]!["pin"] = 99,
        ["LED on a reserved pin"] = p => p["leds"]![0]!["pin"] = 6,
        ["LED with an unknown active level"] = p => p["leds"]![0]!["activeLevel"] = "medium",
        ["button on an LED's pin"] = p => p["buttons"]![0]!["pin"] = 2,
        ["button on an output-only pin"] = p => Pin(p, 0)["capabilities"] = new JsonArray("output"),
        ["unknown sensor signal"] = p => Signal(p)["kind"] = "noise",
        ["sine without a period"] = p => Signal(p).Remove("periodMs"),
        ["zero period"] = p => Signal(p)["periodMs"] = 0,
        ["unknown sensor type"] = p => p["sensors"]![0]!["type"] = "radiation",
        ["duplicate sensor name"] = p => p["sensors"]![1]!["name"] = "temp0",
        ["actuator initial out of range"] = p => p["actuators"]![0]!["initial"] = 5,
        ["unknown network"] = p => p["network"] = "lora",
        ["MQTT without a network"] = p => p["network"] = "none",
        ["persistent storage without storage"] = p => p["storage"] = new JsonObject { ["kind"] = "none" },
        ["TLS without MQTT"] = p => p["features"]!["mqtt"] = false,
        ["wrong drive letter"] = p => p["storage"]!["drive"] = "D:",
        ["no-storage with a drive"] = p => p["storage"] = new JsonObject { ["kind"] = "none", ["drive"] = "I:" },
        ["heap larger than RAM"] = p => p["memory"]!["managedHeapBytes"] = 600000,
        ["derived limit inconsistent"] = p => p["limits"]!["maxContainers"] = 9,
        ["budget fits no container"] = p => p["limits"]!["maxImageBytes"] = 32768,
        ["reserve eats the heap"] = p => p["limits"]!["runtimeReserveBytes"] = 81920,
        ["image not whole instructions"] = p => p["limits"]!["maxImageBytes"] = 2047,
        ["bad id"] = p => p["id"] = "ESP32 DevKit",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABrokenProfileIsRefusedAtTheFieldWithTheReason(string breakage, string path, string reason)
    {
        JsonObject profile = ProfileJson.Read("esp32-devkitc");
        Breakers[breakage](profile);

        ProfileLoadResult result = HardwareProfiles.Parse(profile.ToJsonString());

        Assert.False(result.Ok, breakage + " was accepted");
        Assert.Null(result.Profile);
        Assert.True(result.Errors.Any(e => e.Path == path && e.Reason.Contains(reason, StringComparison.Ordinal)),
            "expected " + path + ": ..." + reason + "...\nbut got:\n" + string.Join("\n", result.Errors));
    }

    [Fact]
    public void EveryCaseHasABreaker()
    {
        Assert.Equal(Cases().Select(c => (string)c[0]).Order(), Breakers.Keys.Order());
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"id\": \"b\"}", "$.id", "appears more than once")]
    [InlineData("{\"id\": \"a\",}", "$", "not valid JSON (line 1")]
    [InlineData("[]", "$", "must be an object, not an array")]
    [InlineData("", "$", "not valid JSON")]
    [InlineData("{\"odd key\": 1}", "$['odd key']", "unknown field")]
    public void MalformedDocumentsAreRefusedWithAPath(string json, string path, string reason)
    {
        ProfileLoadResult result = HardwareProfiles.Parse(json);

        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Path == path && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void AFileWhoseNameDiffersFromItsIdIsRefused()
    {
        string json = ProfileJson.Read("esp32-devkitc").ToJsonString();

        ProfileLoadResult result = HardwareProfiles.Parse(json, expectedId: "my-board");

        Assert.Contains(result.Errors, e => e.Path == "$.id" && e.Reason.Contains("my-board.json", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralProblemsAreAllReported()
    {
        JsonObject profile = ProfileJson.Read("esp32-devkitc");
        profile["colour"] = "red";
        profile["memory"]!["ramBytes"] = "lots";
        profile.Remove("mcu");

        var paths = HardwareProfiles.Parse(profile.ToJsonString()).Errors.Select(e => e.Path).ToHashSet();

        Assert.Superset(new HashSet<string> { "$.colour", "$.memory.ramBytes", "$.mcu" }, paths);
    }

    [Fact]
    public void RemovingOrRetypingAnyMemberAnywhereNeverThrows()
    {
        string original = ProfileJson.Read("stm32f769i-discovery").ToJsonString();
        int memberCount = Members(JsonNode.Parse(original)!).Count;
        var cases = from member in Gen.Choose(0, memberCount - 1)
                    from change in Gen.Choose(0, 3)
                    select (Member: member, Change: change);

        PropertyRunner.Check(cases, 1000, 0x5EED_0401, c =>
        {
            JsonNode root = JsonNode.Parse(original)!;
            var (parent, key) = Members(root)[c.Member];
            JsonNode? replacement = c.Change switch
            {
                0 => null,
                1 => JsonValue.Create("x"),
                2 => JsonValue.Create(-1),
                _ => new JsonArray(),
            };
            if (replacement is null)
            {
                parent.Remove(key);
            }
            else
            {
                parent[key] = replacement;
            }

            ProfileLoadResult result = HardwareProfiles.Parse(root.ToJsonString());
            Assert.True(result.Ok != (result.Errors.Count > 0));
        });
    }

    private static List<(JsonObject Parent, string Key)> Members(JsonNode node)
    {
        var found = new List<(JsonObject, string)>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, value) in o.ToList())
                    {
                        found.Add((o, key));
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (JsonNode? item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(node);
        return found;
    }

    private static JsonObject Pin(JsonObject profile, int index) => profile["pins"]![index]!.AsObject();

    private static JsonObject Signal(JsonObject profile) => profile["sensors"]![0]!["signal"]!.AsObject();
}
