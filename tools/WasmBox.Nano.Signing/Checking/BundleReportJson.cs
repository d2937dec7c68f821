using System.Text.Json.Nodes;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing.Authoring;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Signing.Checking;

/// <summary>
/// The JSON shape of bundle reports for scripts (`wbx inspect --json`, `wbx verify --json`).
/// Field names are a stable interface: add fields, never rename them.
/// </summary>
public static class BundleReportJson
{
    public static JsonObject Report(BundleReport report)
    {
        var problem = report.Problem;
        return new JsonObject
        {
            ["ok"] = problem is null,
            ["bytes"] = report.Size,
            ["error"] = problem is { } p ? Error(p.Code, p.Detail) : null,
            ["signature"] = SignatureText(report.Signature),
            ["digest"] = DigestText(report.Digest),
            ["manifest"] = report.Manifest is null ? null : Manifest(report.Manifest),
            ["image"] = report.Image is null ? null : Image(report.Image),
            ["preflight"] = report.Preflight is null ? null : Preflight(report.Preflight),
        };
    }

    public static JsonObject Error(string code, string detail) => new() { ["code"] = code, ["detail"] = detail };

    public static JsonObject Manifest(Manifest m) => new()
    {
        ["version"] = Bundle.Manifest.FormatVersion,
        ["tenant"] = m.Tenant,
        ["slot"] = m.Slot,
        ["sequence"] = m.Sequence,
        ["name"] = m.Name,
        ["digest"] = Convert.ToHexStringLower(m.Digest),
        ["imageSize"] = m.ImageSize,
        ["hooks"] = new JsonArray(m.Hooks.Select(Hook).ToArray<JsonNode?>()),
        ["helpers"] = Numbers(m.Helpers),
        ["pins"] = new JsonArray(m.Pins.Select(p => (JsonNode?)new JsonObject
        {
            ["pin"] = p.Pin,
            ["mode"] = RequestNames.PinMode(p.Mode),
        }).ToArray()),
        ["sensors"] = new JsonArray(m.Sensors.Select(s => (JsonNode?)s).ToArray()),
        ["i2c"] = new JsonArray(m.I2c.Select(d => (JsonNode?)new JsonObject
        {
            ["bus"] = d.Bus,
            ["address"] = d.Address,
            ["speedHz"] = d.SpeedHz,
            ["sda"] = d.Sda,
            ["scl"] = d.Scl,
        }).ToArray()),
        ["spi"] = new JsonArray(m.Spi.Select(d => (JsonNode?)new JsonObject
        {
            ["bus"] = d.Bus,
            ["chipSelect"] = d.ChipSelect,
            ["clockHz"] = d.ClockHz,
            ["mode"] = d.Mode,
            ["mosi"] = d.Mosi,
            ["miso"] = d.Miso,
            ["sck"] = d.Sck,
        }).ToArray()),
        ["uart"] = new JsonArray(m.Uart.Select(u => (JsonNode?)new JsonObject
        {
            ["port"] = u.Port,
            ["baud"] = u.Baud,
            ["tx"] = u.Tx,
            ["rx"] = u.Rx,
        }).ToArray()),
        ["pwm"] = Channels(m.Pwm),
        ["adc"] = Channels(m.Adc),
        ["budgets"] = new JsonObject
        {
            ["instructions"] = m.InstructionsPerRun,
            ["branches"] = m.BranchesPerRun,
            ["ramBytes"] = m.RamBytes,
            ["stackFrames"] = m.StackFrames,
        },
    };

    public static JsonObject Image(FunctionImage image) => new()
    {
        ["textBytes"] = image.Text.Length,
        ["instructions"] = image.Text.Length / Opcodes.InstructionSize,
        ["rodataBytes"] = image.Rodata.Length,
        ["dataBytes"] = image.Data.Length,
        ["bssBytes"] = image.BssSize,
        ["entries"] = new JsonArray(image.Entries.Select(e => (JsonNode?)new JsonObject
        {
            ["name"] = e.Name,
            ["index"] = e.Index,
        }).ToArray()),
    };

    /// <summary>A verifier verdict; <c>calledHelpers</c> ascending, <c>error</c> a <see cref="VerifyError"/> name.</summary>
    public static JsonObject Preflight(VerifyResult result) => new()
    {
        ["ok"] = result.Ok,
        ["instructions"] = result.Ok ? result.Program.Count : null,
        ["calledHelpers"] = result.Ok ? Numbers(result.Program.HelperIds.Order()) : null,
        ["error"] = result.Ok ? null : result.Error.ToString(),
        ["index"] = result.Ok || result.Index < 0 ? null : result.Index,
        ["detail"] = result.Message,
    };

    public static string SignatureText(SignatureStatus status) => status switch
    {
        SignatureStatus.Verified => "verified",
        SignatureStatus.Invalid => "invalid",
        SignatureStatus.UnknownTenant => "unknown-tenant",
        _ => "not-checked",
    };

    public static string DigestText(DigestStatus status) => status switch
    {
        DigestStatus.Matches => "matches",
        DigestStatus.Mismatch => "mismatch",
        _ => "not-checked",
    };

    private static JsonObject Hook(HookRequest hook)
    {
        var json = new JsonObject { ["kind"] = RequestNames.HookKind(hook.Kind) };
        switch (hook.Kind)
        {
            case HookKind.Timer:
                json["periodMs"] = hook.PeriodMs;
                break;
            case HookKind.GpioEdge:
                json["pin"] = hook.Pin;
                json["edge"] = RequestNames.Edge(hook.Edge);
                break;
            case HookKind.Mqtt:
                json["topic"] = hook.Path;
                break;
            case HookKind.Coap:
                json["path"] = hook.Path;
                break;
        }
        json["entry"] = hook.Entry;
        return json;
    }

    private static JsonArray Channels(ChannelRequest[] channels) =>
        new(channels.Select(c => (JsonNode?)new JsonObject { ["channel"] = c.Channel, ["pin"] = c.Pin }).ToArray());

    private static JsonArray Numbers(IEnumerable<int> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
