using System.Text.Json;
using System.Text.Json.Serialization;

namespace WasmBox.Nano.Deploy.Client;

/// <summary>A device's answer to deploy, remove or rollback (src/WasmBox.Nano.Protocol/README.md, "deploy/result").</summary>
public sealed record UpdateReply(string Op, int Bytes, bool Ok, string Status, string? Refusal, string? Reason,
    string? Tenant, int Slot, long Sequence)
{
    public override string ToString() => Ok
        ? Status + " " + Tenant + "/" + Slot + " sequence " + Sequence
        : "refused (" + Refusal + "): " + Reason;
}

/// <summary>A device's answer to an invocation.</summary>
public sealed record InvokeReply(string? Tenant, int Slot, bool Ok, string? Refusal, string? Name, string? Status,
    long Result, int? CoapCode, string? Output, string? OutputHex, string? Reason = null)
{
    public override string ToString() => Ok
        ? Tenant + "/" + Slot + " (" + Name + "): " + Status + ", r0 = " + Result
            + (Output is not null ? ", output \"" + Output + "\"" : OutputHex is not null ? ", output hex " + OutputHex : "")
        : "refused (" + Refusal + ")" + (Reason is not null ? ": " + Reason : "");
}

/// <summary>One installed function in a device's state; <paramref name="Reason"/> says why it is not running (a quarantine's rule).</summary>
public sealed record FunctionState(string Tenant, int Slot, long Sequence, string? Name, string State, string? Digest, string? Reason = null);

/// <summary>A line a tenant's function printed or logged, from the device's log topic.</summary>
public sealed record TenantLogMessage(string Device, string Tenant, string? Container, long T, string Line, bool Cut = false, int Dropped = 0)
{
    public override string ToString() => Tenant + "/" + Container + ": " + Line + (Cut ? " [cut]" : "")
        + (Dropped > 0 ? " (" + Dropped + " earlier line(s) dropped by the board's rate limit)" : "");
}

/// <summary>The retained state of a device: online with its functions, or offline (Last Will or clean shutdown).</summary>
public sealed record DeviceState(string Device, bool Online, string? Runtime, long? UptimeMs, FunctionState[]? Functions)
{
    public FunctionState? Find(string tenant, int slot) => Functions?.FirstOrDefault(f => f.Tenant == tenant && f.Slot == slot);
}

/// <summary>Reads the device's JSON documents; a document that does not parse is a <see cref="DeployException"/>.</summary>
public static class Replies
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static T Parse<T>(byte[] json, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new DeployException(what + " is the JSON null");
        }
        catch (JsonException e)
        {
            throw new DeployException(what + " is not the expected JSON (" + e.Message + "): " + Preview(json), e);
        }
    }

    /// <summary>The start of a payload as text, for error messages.</summary>
    public static string Preview(byte[] payload)
    {
        string text = System.Text.Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, 200));
        return payload.Length > 200 ? text + "..." : text;
    }
}
