using System.Text.Json.Nodes;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.TenantPolicies.Tests;

/// <summary>
/// The JSON schema (host) and the board's own reader (device) describe one format: same keys at
/// every level, same ranges and defaults, same helpers, and the same verdict on a corpus.
/// </summary>
public class TenantPolicySchemaAgreementTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(TenantPolicySchema.Text)!.AsObject();

    private static JsonObject Def(string name) => Schema["$defs"]![name]!.AsObject();

    public static TheoryData<string, string[]> Levels => new()
    {
        { "$", PolicyKeys.Document },
        { "tenant", PolicyKeys.Tenant },
        { "pin", PolicyKeys.Pin },
        { "sensor", PolicyKeys.Sensor },
        { "i2c", PolicyKeys.I2c },
        { "limits", PolicyKeys.Limits() },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Every_key_the_reader_accepts_is_in_the_schema_and_no_other(string level, string[] readerKeys)
    {
        JsonObject node = level == "$" ? Schema : Def(level);
        Assert.False(node["additionalProperties"]!.GetValue<bool>(), level + " must refuse unknown members as the reader does");
        string[] schemaKeys = node["properties"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(readerKeys.Order(), schemaKeys.Order());
    }

    [Fact]
    public void Every_limit_has_the_readers_range_and_default()
    {
        JsonObject limits = Def("limits")["properties"]!.AsObject();
        foreach (LimitRange range in LimitRange.All)
        {
            JsonObject property = limits[range.Name]!.AsObject();
            Assert.Equal((range.Name, range.Min, range.Max), (range.Name, property["minimum"]!.GetValue<int>(), property["maximum"]!.GetValue<int>()));
            if (range.Default == LimitRange.DefaultFromOther)
                Assert.Null(property["default"]);
            else
                Assert.Equal((range.Name, range.Default), (range.Name, property["default"]!.GetValue<int>()));
        }
    }

    [Fact]
    public void The_schemas_helpers_are_the_runtimes_by_name_and_id()
    {
        JsonArray choices = Def("helper")["anyOf"]!.AsArray();
        string[] names = choices[0]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        int[] ids = choices[1]!["enum"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        Assert.Equal(HelperIds.All(), ids);
        Assert.Equal(HelperIds.All().Select(id => HelperIds.NameOf(id)), names);
    }

    private const string Base = """{"id": "acme", "helpers": ["print", 32], "pins": [{"pin": 2, "mode": "output"}], "sensors": [{"name": "temp0", "access": "read"}], "topics": ["acme/#"], "coapPaths": ["/acme/"], "i2c": [{"bus": 0, "first": 68}], "signedInvokes": true, "limits": {"ramBytes": 4096}}""";

    private static string Doc(string tenant) => "{\"tenants\": [" + tenant + "]}";

    private static string With(string member, string value)
    {
        JsonObject tenant = JsonNode.Parse(Base)!.AsObject();
        tenant[member] = JsonNode.Parse(value);
        return Doc(tenant.ToJsonString());
    }

    private static string Limit(string name, string value) => With("limits", "{\"" + name + "\": " + value + "}");

    /// <summary>Documents both must accept (true) or both refuse (false).</summary>
    public static TheoryData<string, string, bool> Corpus()
    {
        var data = new TheoryData<string, string, bool>
        {
            { "base", Doc(Base), true },
            { "only an id", Doc("""{"id": "solo"}"""), true },
            { "no tenants", """{"tenants": []}""", true },
            { "two tenants sharing an input", Doc("""{"id": "a", "pins": [{"pin": 0, "mode": "input"}]}, {"id": "b", "pins": [{"pin": 0, "mode": "input"}]}"""), true },
            { "every wildcard form", With("topics", """["#", "+", "a/+/b", "a/#", "+/+", "a//b"]"""), true },
            { "not an object", "[]", false },
            { "no tenants member", "{}", false },
            { "tenants not an array", """{"tenants": {}}""", false },
            { "unknown root member", """{"tenants": [], "owner": "x"}""", false },
            { "tenant not an object", """{"tenants": [3]}""", false },
            { "no id", Doc("""{"helpers": []}"""), false },
            { "id upper case", Doc("""{"id": "Acme"}"""), false },
            { "id too long", Doc("{\"id\": \"" + new string('a', 33) + "\"}"), false },
            { "id empty", Doc("""{"id": ""}"""), false },
            { "id a number", Doc("""{"id": 5}"""), false },
            { "unknown tenant member", With("colour", "\"red\""), false },
            { "helpers not an array", With("helpers", "\"print\""), false },
            { "unknown helper name", With("helpers", """["teleport"]"""), false },
            { "unknown helper id", With("helpers", "[3]"), false },
            { "helper id out of range", With("helpers", "[300]"), false },
            { "helper true", With("helpers", "[true]"), false },
            { "same helper name twice", With("helpers", """["print", "print"]"""), false },
            { "pin without mode", With("pins", """[{"pin": 2}]"""), false },
            { "pin without number", With("pins", """[{"mode": "input"}]"""), false },
            { "pin mode unknown", With("pins", """[{"pin": 2, "mode": "pwm"}]"""), false },
            { "pin negative", With("pins", """[{"pin": -1, "mode": "input"}]"""), false },
            { "pin too high", With("pins", """[{"pin": 1024, "mode": "input"}]"""), false },
            { "pin a string", With("pins", """[{"pin": "2", "mode": "input"}]"""), false },
            { "pin unknown member", With("pins", """[{"pin": 2, "mode": "input", "speed": 1}]"""), false },
            { "sensor access write", With("sensors", """[{"name": "t", "access": "write"}]"""), false },
            { "sensor name empty", With("sensors", """[{"name": "", "access": "read"}]"""), false },
            { "sensor without access", With("sensors", """[{"name": "t"}]"""), false },
            { "topic empty", With("topics", """[""]"""), false },
            { "topic # not last", With("topics", """["a/#/b"]"""), false },
            { "topic + inside a level", With("topics", """["a+"]"""), false },
            { "topic # inside a level", With("topics", """["a#"]"""), false },
            { "topic control character", With("topics", "[\"a\\u0001b\"]"), false },
            { "topic a number", With("topics", "[5]"), false },
            { "coap path without slash", With("coapPaths", """["acme/"]"""), false },
            { "coap path empty", With("coapPaths", """[""]"""), false },
            { "i2c bus too high", With("i2c", """[{"bus": 8, "first": 68}]"""), false },
            { "i2c address reserved", With("i2c", """[{"bus": 0, "first": 7}]"""), false },
            { "i2c last too high", With("i2c", """[{"bus": 0, "first": 68, "last": 120}]"""), false },
            { "i2c without first", With("i2c", """[{"bus": 0}]"""), false },
            { "i2c unknown member", With("i2c", """[{"bus": 0, "first": 68, "speed": 1}]"""), false },
            { "spi, uart, pwm and adc granted", Doc("""{"id": "acme", "spi": [{"bus": 0, "chipSelects": [5, 15]}], "uart": [1], "pwm": [0, 1], "adc": [6]}"""), true },
            { "spi without chip selects", With("spi", """[{"bus": 0}]"""), false },
            { "spi bus too high", With("spi", """[{"bus": 8, "chipSelects": [5]}]"""), false },
            { "spi unknown member", With("spi", """[{"bus": 0, "chipSelects": [5], "mode": 0}]"""), false },
            { "uart port too high", With("uart", "[8]"), false },
            { "uart port listed twice", With("uart", "[1, 1]"), false },
            { "pwm channel negative", With("pwm", "[-1]"), false },
            { "adc channel a string", With("adc", """["6"]"""), false },
            { "signedInvokes a number", With("signedInvokes", "1"), false },
            { "limits an array", With("limits", "[]"), false },
            { "unknown limit", Limit("cpu", "1"), false },
            { "limit wrong case", Limit("RamBytes", "1"), false },
            { "limit a string", Limit("ramBytes", "\"1\""), false },
            { "limit null", Limit("ramBytes", "null"), false },
        };
        foreach (LimitRange range in LimitRange.All)
        {
            data.Add(range.Name + " at its minimum", Limit(range.Name, range.Min.ToString()), true);
            data.Add(range.Name + " at its maximum", Limit(range.Name, range.Max.ToString()), true);
            data.Add(range.Name + " below its minimum", Limit(range.Name, ((long)range.Min - 1).ToString()), false);
            data.Add(range.Name + " above its maximum", Limit(range.Name, ((long)range.Max + 1).ToString()), false);
        }
        foreach (int id in HelperIds.All())
        {
            data.Add("helper " + HelperIds.NameOf(id), With("helpers", "[\"" + HelperIds.NameOf(id) + "\"]"), true);
            data.Add("helper id " + id, With("helpers", "[" + id + "]"), true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Schema_and_reader_give_the_same_verdict(string name, string document, bool valid)
    {
        PolicyParseResult reader = PolicyParser.Parse(document);
        IReadOnlyList<PolicyProblem> schema = TenantPolicySchema.Validate(document);
        Assert.True(valid == reader.Ok, name + ": reader says " + reader);
        Assert.True(valid == (schema.Count == 0), name + ": schema says " + string.Join("; ", schema));
    }

    /// <summary>What no JSON schema can say: the reader refuses these, the schema lets them through.</summary>
    public static TheoryData<string, string, string> ReaderOnly => new()
    {
        { "tenant listed twice", Doc("""{"id": "a"}, {"id": "a"}"""), "tenants[1].id" },
        { "helper by name and id", With("helpers", """["print", 1]"""), "tenants[0].helpers[1]" },
        { "pin listed twice", With("pins", """[{"pin": 2, "mode": "input"}, {"pin": 2, "mode": "output"}]"""), "tenants[0].pins[1].pin" },
        { "sensor listed twice", With("sensors", """[{"name": "t", "access": "read"}, {"name": "t", "access": "readwrite"}]"""), "tenants[0].sensors[1].name" },
        { "output pin shared", Doc("""{"id": "a", "pins": [{"pin": 4, "mode": "output"}]}, {"id": "b", "pins": [{"pin": 4, "mode": "input"}]}"""), "tenants[1].pins[0].pin" },
        { "i2c ranges overlap", With("i2c", """[{"bus": 0, "first": 68, "last": 70}, {"bus": 0, "first": 70}]"""), "tenants[0].i2c[1]" },
        { "i2c last below first", With("i2c", """[{"bus": 0, "first": 70, "last": 68}]"""), "tenants[0].i2c[0].last" },
        { "spi bus granted twice", With("spi", """[{"bus": 0, "chipSelects": [5]}, {"bus": 0, "chipSelects": [15]}]"""), "tenants[0].spi[1].bus" },
    };

    [Theory]
    [MemberData(nameof(ReaderOnly))]
    public void Rules_across_members_are_the_readers_alone(string name, string document, string field)
    {
        Assert.Empty(TenantPolicySchema.Validate(document));
        PolicyParseResult reader = PolicyParser.Parse(document);
        Assert.False(reader.Ok, name);
        Assert.Equal(field, reader.Field);
    }

    public static TheoryData<string> RepositoryPolicies => new()
    {
        "tools/samples/policy.demo.json",
        "firmware/tenants.example.json",
    };

    [Theory]
    [MemberData(nameof(RepositoryPolicies))]
    public void The_repositorys_policies_pass_both(string relativePath)
    {
        string text = File.ReadAllText(RepoFile.Find(relativePath) ?? throw new FileNotFoundException(relativePath));
        Assert.True(PolicyParser.Parse(text).Ok);
        Assert.Empty(TenantPolicySchema.Validate(text));
    }
}
