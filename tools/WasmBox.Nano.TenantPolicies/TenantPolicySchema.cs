using System.Text;
using System.Text.Json;
using Json.Schema;

namespace WasmBox.Nano.TenantPolicies;

/// <summary>
/// <c>tenant-policy.schema.json</c> (kept beside the device reader in
/// <c>src/WasmBox.Nano.Runtime/Policy/</c>, embedded here) and validation against it with JsonSchema.Net.
/// </summary>
public static class TenantPolicySchema
{
    private const string ResourceName = "tenant-policy.schema.json";

    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using Stream stream = typeof(TenantPolicySchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value));

    /// <summary>The schema document itself, for editors (<c>wbx tenant-policy schema</c>).</summary>
    public static string Text => SchemaText.Value;

    /// <summary>Every place the document breaks the schema, innermost first per place; empty when it conforms.</summary>
    public static IReadOnlyList<PolicyProblem> Validate(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [new PolicyProblem("$", "not JSON: " + e.Message, PolicyProblem.Schema)];
        }
        using (document)
        {
            EvaluationResults results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid)
                return [];
            var problems = new List<PolicyProblem>();
            foreach (EvaluationResults detail in results.Details ?? [])
            {
                if (detail.Errors is null)
                    continue;
                foreach (string message in detail.Errors.Values)
                    problems.Add(new PolicyProblem(PathOf(detail.InstanceLocation.ToString()), message, PolicyProblem.Schema));
            }
            return problems.Count > 0 ? problems : [new PolicyProblem("$", "does not match the tenant policy schema", PolicyProblem.Schema)];
        }
    }

    /// <summary>"/tenants/0/limits/ramBytes" → "tenants[0].limits.ramBytes", the reader's notation; "" → "$".</summary>
    public static string PathOf(string pointer)
    {
        if (pointer.Length == 0)
            return "$";
        var path = new StringBuilder();
        foreach (string raw in pointer[1..].Split('/'))
        {
            string segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
                path.Append('[').Append(segment).Append(']');
            else
                path.Append(path.Length == 0 ? "" : ".").Append(segment);
        }
        return path.ToString();
    }
}
