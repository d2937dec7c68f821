using System.Globalization;
using System.Text.Json;

namespace WasmBox.Nano.Bench;

/// <summary>Reads benchmarks.json (written by build.sh) and the files it names.</summary>
public static class BenchmarkManifest
{
    public const string FileName = "benchmarks.json";

    public static IReadOnlyList<Benchmark> Load(IBenchmarkFiles files)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(files.Read(FileName)).RootElement;
        }
        catch (JsonException e)
        {
            throw new BenchmarkSetupException($"{FileName}: not valid JSON: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("benchmarks", out JsonElement list)
            || list.ValueKind != JsonValueKind.Array)
        {
            throw new BenchmarkSetupException($"{FileName}: expected an object with a \"benchmarks\" array");
        }

        var benchmarks = new List<Benchmark>();
        int index = 0;
        foreach (JsonElement entry in list.EnumerateArray())
        {
            benchmarks.Add(ReadEntry(files, entry, $"{FileName}: benchmarks[{index++}]"));
        }
        if (benchmarks.Count == 0)
        {
            throw new BenchmarkSetupException($"{FileName}: lists no benchmarks");
        }
        return benchmarks;
    }

    private static Benchmark ReadEntry(IBenchmarkFiles files, JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new BenchmarkSetupException($"{where}: expected an object");
        }
        string name = GetString(entry, "name", where);
        where += $" ({name})";
        string expected = GetString(entry, "expected", where);
        if (!expected.StartsWith("0x", StringComparison.Ordinal)
            || !ulong.TryParse(expected.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value))
        {
            throw new BenchmarkSetupException($"{where}: \"expected\" must be a 64-bit hex number like 0x5bac8c3d, got '{expected}'");
        }
        return new Benchmark(
            name,
            files.Read(GetString(entry, "bin", where)),
            files.Read(GetString(entry, "input", where)),
            value,
            GetPositiveInt(entry, "instructionBudget", where),
            GetPositiveInt(entry, "branchBudget", where));
    }

    private static string GetString(JsonElement entry, string property, string where)
    {
        if (!entry.TryGetProperty(property, out JsonElement value) || value.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new BenchmarkSetupException($"{where}: missing string \"{property}\"");
        }
        return value.GetString()!;
    }

    private static int GetPositiveInt(JsonElement entry, string property, string where)
    {
        if (!entry.TryGetProperty(property, out JsonElement value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out int number) || number < 1)
        {
            throw new BenchmarkSetupException($"{where}: \"{property}\" must be a positive 32-bit integer");
        }
        return number;
    }
}
