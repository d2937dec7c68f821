using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Json;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;

namespace WasmBox.Nano.Runtime.Tests;

public class PolicyParserTests
{
    private const string Good = """
        {
          "tenants": [
            {
              "id": "acme",
              "helpers": ["print", "now_ms", "gpio_write", 17],
              "pins": [ { "pin": 2, "mode": "output" }, { "pin": 0, "mode": "input-pullup" } ],
              "sensors": [ { "name": "temp0", "access": "read" }, { "name": "led0", "access": "readwrite" } ],
              "topics": ["acme/#", "shared/+/acme"],
              "coapPaths": ["/acme/"],
              "limits": {
                "maxContainers": 2, "maxImageBytes": 4096, "ramBytes": 16384,
                "instructionsPerRun": 10000, "branchesPerRun": 1000,
                "runsPerSecond": 50, "helperCallsPerSecond": 500,
                "localStore": 8, "eventQueue": 2, "payloadBytes": 64
              }
            },
            {
              "id": "beta",
              "helpers": [],
              "pins": [ { "pin": 0, "mode": "input-pullup" } ],
              "limits": {
                "maxContainers": 1, "maxImageBytes": 512, "ramBytes": 4096,
                "instructionsPerRun": 100, "branchesPerRun": 0,
                "runsPerSecond": 1, "helperCallsPerSecond": 0
              }
            }
          ]
        }
        """;

    [Fact]
    public void A_good_document_yields_every_grant_and_limit()
    {
        PolicyParseResult result = PolicyParser.Parse(Good);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(2, result.Tenants.Length);

        TenantPolicy acme = result.Tenants[0];
        Assert.Equal("acme", acme.TenantId);
        Assert.Equal(new[] { HelperIds.Print, HelperIds.NowMs, HelperIds.GpioWrite, HelperIds.StoreGlobal }, acme.HelperIds);
        Assert.True(acme.Grant.IsGranted(HelperIds.GpioWrite));
        Assert.False(acme.Grant.IsGranted(HelperIds.GpioRead));
        Assert.Equal(PinDriveMode.Output, acme.FindPin(2)!.Mode);
        Assert.Equal(PinDriveMode.InputPullUp, acme.FindPin(0)!.Mode);
        Assert.Null(acme.FindPin(3));
        Assert.False(acme.FindSensor("temp0")!.Writable);
        Assert.True(acme.FindSensor("led0")!.Writable);
        Assert.True(acme.AllowsTopic("acme/x/y"));
        Assert.True(acme.AllowsTopic("shared/7/acme"));
        Assert.False(acme.AllowsTopic("beta/x"));
        Assert.True(acme.AllowsCoapPath("/acme/temp"));
        Assert.False(acme.AllowsCoapPath("/beta/temp"));

        TenantLimits l = acme.Limits;
        Assert.Equal((2, 4096, 16384, 10000, 1000, 50, 500),
            (l.MaxContainers, l.MaxImageBytes, l.RamBytes, l.InstructionsPerRun, l.BranchesPerRun, l.RunsPerSecond, l.HelperCallsPerSecond));
        Assert.Equal((8, TenantPolicy.DefaultGlobalStoreCapacity, 2, 64),
            (l.LocalStoreCapacity, l.GlobalStoreCapacity, l.EventQueueDepth, l.PayloadBytes));

        TenantPolicy beta = result.Tenants[1];
        Assert.Empty(beta.HelperIds);
        Assert.Equal(0, beta.SensorCount);
        Assert.Equal(0, beta.TopicCount);
    }

    private static string WithTenant(string tenantMembers) =>
        "{\"tenants\": [{" + tenantMembers + "}]}";

    private const string Limits = "\"limits\": {" + Rig.DefaultLimits + "}";

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        { "", "$", "unexpected end" },
        { "{\"tenants\": [] ", "$", "expected ',' or '}'" },
        { "{\"tenants\": [],}", "$", "expected a member name" },
        { "{\"tenants\": []} x", "$", "after the document" },
        { "{\"tenants\": [], \"tenants\": []}", "$", "duplicate member" },
        { "{\"tenants\": [1.5]}", "$", "only integer" },
        { "{\"tenants\": [01]}", "$", "leading zeros" },
        { "{\"tenants\": [\"a\\q\"]}", "$", "unknown escape" },
        { "{\"tenants\": [99999999999999999999]}", "$", "out of range" },
        { "[]", "$", "must be an object" },
        { "{}", "$.tenants", "is required" },
        { "{\"tenants\": {}}", "tenants", "must be an array" },
        { "{\"tenants\": [], \"extra\": 1}", "$.extra", "unknown member" },
        { "{\"tenants\": [3]}", "tenants[0]", "must be an object" },
        { WithTenant("\"helpers\": [], " + Limits), "tenants[0].id", "is required" },
        { WithTenant("\"id\": 5, \"helpers\": [], " + Limits), "tenants[0].id", "must be a string" },
        { WithTenant("\"id\": \"Acme!\", \"helpers\": [], " + Limits), "tenants[0].id", "may only contain" },
        { WithTenant("\"id\": \"\", \"helpers\": [], " + Limits), "tenants[0].id", "1 to 32" },
        { WithTenant("\"id\": \"a\", \"helpers\": [\"teleport\"], " + Limits), "tenants[0].helpers[0]", "unknown helper \"teleport\"" },
        { WithTenant("\"id\": \"a\", \"helpers\": [300], " + Limits), "tenants[0].helpers[0]", "unknown helper id 300" },
        { WithTenant("\"id\": \"a\", \"helpers\": [3], " + Limits), "tenants[0].helpers[0]", "unknown helper id 3" },
        { WithTenant("\"id\": \"a\", \"helpers\": [true], " + Limits), "tenants[0].helpers[0]", "helper name or id" },
        { WithTenant("\"id\": \"a\", \"helpers\": [\"print\", 1], " + Limits), "tenants[0].helpers[1]", "listed twice" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"pins\": [{\"pin\": 2}], " + Limits), "tenants[0].pins[0].mode", "is required" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"pins\": [{\"pin\": 2, \"mode\": \"pwm\"}], " + Limits), "tenants[0].pins[0].mode", "unknown mode \"pwm\"" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"pins\": [{\"pin\": -1, \"mode\": \"input\"}], " + Limits), "tenants[0].pins[0].pin", "between 0 and 1023" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"pins\": [{\"pin\": \"2\", \"mode\": \"input\"}], " + Limits), "tenants[0].pins[0].pin", "must be an integer" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"pins\": [{\"pin\": 2, \"mode\": \"input\"}, {\"pin\": 2, \"mode\": \"output\"}], " + Limits), "tenants[0].pins[1].pin", "listed twice" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"pins\": [{\"pin\": 2, \"mode\": \"input\", \"speed\": 1}], " + Limits), "tenants[0].pins[0].speed", "unknown member" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"sensors\": [{\"name\": \"t\", \"access\": \"write\"}], " + Limits), "tenants[0].sensors[0].access", "\"read\" or \"readwrite\"" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"sensors\": [{\"name\": \"\", \"access\": \"read\"}], " + Limits), "tenants[0].sensors[0].name", "must not be empty" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"topics\": [\"a/#/b\"], " + Limits), "tenants[0].topics[0]", "'#' must be last" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"topics\": [\"a+\"], " + Limits), "tenants[0].topics[0]", "whole level" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"topics\": [\"\"], " + Limits), "tenants[0].topics[0]", "topic is empty" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"coapPaths\": [\"a/\"], " + Limits), "tenants[0].coapPaths[0]", "must start with '/'" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"limits\": {" + Rig.DefaultLimits.Replace("\"maxContainers\": 4", "\"maxContainers\": 0") + "}"), "tenants[0].limits.maxContainers", "between 1 and 64, got 0" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"limits\": {" + Rig.DefaultLimits.Replace("\"ramBytes\": 65536", "\"ramBytes\": -5") + "}"), "tenants[0].limits.ramBytes", "got -5" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"limits\": {" + Rig.DefaultLimits + ", \"eventQueue\": 0}"), "tenants[0].limits.eventQueue", "between 1 and 64" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"limits\": {" + Rig.DefaultLimits + ", \"cpu\": 1}"), "tenants[0].limits.cpu", "unknown member" },
        { WithTenant("\"id\": \"a\", \"helpers\": [], \"limits\": {" + Rig.DefaultLimits.Replace("1000, \"helperCallsPerSecond\"", "null, \"helperCallsPerSecond\"") + "}"), "tenants[0].limits.runsPerSecond", "must be an integer" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Bad_documents_are_refused_with_field_and_reason(string text, string field, string reason)
    {
        PolicyParseResult result = PolicyParser.Parse(text);
        Assert.False(result.Ok);
        Assert.Null(result.Tenants);
        Assert.Equal(field, result.Field);
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public void A_tenant_with_only_an_id_gets_every_default()
    {
        PolicyParseResult result = PolicyParser.Parse(WithTenant("\"id\": \"solo\""));
        Assert.True(result.Ok, result.ToString());
        TenantPolicy solo = result.Tenants[0];
        Assert.Empty(solo.HelperIds);
        Assert.Equal((0, 0, 0, 0, 0, false), (solo.PinCount, solo.SensorCount, solo.TopicCount, solo.CoapPathCount, solo.I2cGrantCount, solo.SignedInvokes));
        TenantLimits l = solo.Limits;
        int[] read =
        {
            l.MaxContainers, l.MaxImageBytes, l.RamBytes, l.InstructionsPerRun, l.BranchesPerRun, l.RunsPerSecond,
            l.OutsideRunsPerSecond, l.HelperCallsPerSecond, l.LocalStoreCapacity, l.GlobalStoreCapacity, l.EventQueueDepth, l.PayloadBytes,
        };
        int[] expected = LimitRange.All.Select(r => r.Default == LimitRange.DefaultFromOther ? LimitRange.RunsPerSecond.Default : r.Default).ToArray();
        Assert.Equal(expected, read);
        Assert.All(LimitRange.All, r => Assert.True(r.Default == LimitRange.DefaultFromOther || (r.Default >= r.Min && r.Default <= r.Max), r.Name));
    }

    [Fact]
    public void Every_error_of_a_document_is_reported_at_once_in_document_order()
    {
        string text = Rig.Document(
            "{\"id\": \"Bad!\", \"helpers\": [\"teleport\", \"print\", 1], \"pins\": [{\"pin\": 2000, \"mode\": \"pwm\"}], " +
            "\"sensors\": [{\"name\": \"t\", \"access\": \"write\"}], \"topics\": [\"a/#/b\"], \"coapPaths\": [\"x\"], " +
            "\"signedInvokes\": 1, \"limits\": {\"maxContainers\": 0, \"ramBytes\": -5, \"cpu\": 1}}",
            "{\"id\": \"ok\", \"limits\": {\"eventQueue\": 65}}", "7");
        PolicyParseResult result = PolicyParser.Parse(text);
        Assert.False(result.Ok);
        Assert.Null(result.Tenants);
        string[] paths = Enumerable.Range(0, result.ErrorCount).Select(i => result.ErrorAt(i).Path).ToArray();
        Assert.Equal(new[]
        {
            "tenants[0].id", "tenants[0].helpers[0]", "tenants[0].helpers[2]", "tenants[0].pins[0].pin", "tenants[0].pins[0].mode",
            "tenants[0].sensors[0].access", "tenants[0].topics[0]", "tenants[0].coapPaths[0]", "tenants[0].signedInvokes",
            "tenants[0].limits.cpu", "tenants[0].limits.maxContainers", "tenants[0].limits.ramBytes",
            "tenants[1].limits.eventQueue", "tenants[2]",
        }, paths);
        Assert.Equal(paths.Length, result.ToString().Split('\n').Length);
        Assert.Equal(result.ErrorAt(0).Path, result.Field);
    }

    [Fact]
    public void A_hostile_document_yields_at_most_the_error_cap()
    {
        string tenant = "{\"id\": \"a\", \"helpers\": [" + string.Join(", ", Enumerable.Repeat("\"nope\"", 500)) + "]}";
        PolicyParseResult result = PolicyParser.Parse(Rig.Document(tenant));
        Assert.Equal(FieldErrors.MaxErrors, result.ErrorCount);
    }

    [Fact]
    public void Duplicate_tenants_are_refused()
    {
        PolicyParseResult result = PolicyParser.Parse(Rig.Document(Rig.Tenant("a"), Rig.Tenant("a")));
        Assert.Equal("tenants[1].id", result.Field);
        Assert.Contains("listed twice", result.Reason);
    }

    [Theory]
    [InlineData("output", "input")]
    [InlineData("input", "output")]
    [InlineData("input", "input-pullup")]
    public void Two_tenants_cannot_share_a_pin_one_could_drive_or_reconfigure(string first, string second)
    {
        PolicyParseResult result = PolicyParser.Parse(Rig.Document(
            Rig.Tenant("a", pins: "{\"pin\": 4, \"mode\": \"" + first + "\"}"),
            Rig.Tenant("b", pins: "{\"pin\": 4, \"mode\": \"" + second + "\"}")));
        Assert.Equal("tenants[1].pins[0].pin", result.Field);
        Assert.Contains("tenant 'a'", result.Reason);
    }

    [Fact]
    public void Json_errors_carry_line_and_column()
    {
        var e = Assert.Throws<JsonException>(() => JsonReader.Parse("{\n  \"a\": tru\n}"));
        Assert.Equal(2, e.Line);
        Assert.Equal(8, e.Column);
    }

    [Fact]
    public void Json_reader_decodes_escapes_nesting_and_extreme_integers()
    {
        var obj = (JsonObject)JsonReader.Parse("{\"s\": \"a\\\"\\u0041\\n\", \"n\": [-9223372036854775808, 9223372036854775807, null, false]}");
        Assert.Equal("a\"A\n", obj.Get("s"));
        var list = (JsonArray)obj.Get("n");
        Assert.Equal(long.MinValue, list[0]);
        Assert.Equal(long.MaxValue, list[1]);
        Assert.Same(JsonNull.Value, list[2]);
        Assert.Equal(false, list[3]);
    }

    [Fact]
    public void Json_reader_refuses_deep_nesting()
    {
        string deep = new string('[', JsonReader.MaxDepth + 1) + new string(']', JsonReader.MaxDepth + 1);
        Assert.Contains("nesting", Assert.Throws<JsonException>(() => JsonReader.Parse(deep)).Message);
    }

    [Theory]
    [InlineData("a/#", "a", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/+/c", "a/b/d", false)]
    [InlineData("a/+", "a/b/c", false)]
    [InlineData("a/b", "a/bc", false)]
    [InlineData("#", "anything/at/all", true)]
    public void Topic_filters_match_like_mqtt(string filter, string topic, bool expected)
    {
        Assert.Equal(expected, TopicFilter.Matches(filter, topic));
    }

    [Theory]
    [InlineData("a/#", "a/+/x", true)]
    [InlineData("a/#", "a/#", true)]
    [InlineData("a/+", "a/b", true)]
    [InlineData("a/+", "a/#", false)]
    [InlineData("a/b", "a/#", false)]
    [InlineData("a/#", "#", false)]
    [InlineData("a/#", "b/x", false)]
    public void Topic_filter_coverage_keeps_subscriptions_inside_grants(string outer, string inner, bool expected)
    {
        Assert.Equal(expected, TopicFilter.Covers(outer, inner));
    }
}
