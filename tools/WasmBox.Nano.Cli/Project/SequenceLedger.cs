using System.Text.Json;
using WasmBox.Nano.Cli.Io;

namespace WasmBox.Nano.Cli.Project;

/// <summary>
/// The highest sequence number this user signed for each tenant/slot (<c>ledger.json</c> in the
/// wbx config folder), so <c>wbx deploy</c> picks the next one without <c>--sequence</c>. A board
/// refuses any number not above its own, so the next is above both the ledger and what the device
/// reports; remove and rollback commands take numbers from the same ledger.
/// </summary>
internal sealed class SequenceLedger
{
    private readonly string _path;
    private readonly Dictionary<string, long> _highest;

    private SequenceLedger(string path, Dictionary<string, long> highest)
    {
        _path = path;
        _highest = highest;
    }

    public static SequenceLedger Open() => Open(Path.Combine(WbxConfig.Folder(), "ledger.json"));

    public static SequenceLedger Open(string path)
    {
        if (!File.Exists(path))
            return new SequenceLedger(path, new Dictionary<string, long>(StringComparer.Ordinal));
        try
        {
            return new SequenceLedger(path, JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(path))
                ?? new Dictionary<string, long>(StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            throw new CliError(path + " is not a sequence ledger (" + e.Message + "); fix or delete it, or pass --sequence");
        }
    }

    public long Highest(string tenant, int slot) => _highest.GetValueOrDefault(Key(tenant, slot));

    /// <summary>The number to sign next: above the ledger's and above <paramref name="deviceSequence"/> (0 when unknown).</summary>
    public long Next(string tenant, int slot, long deviceSequence) => Math.Max(Highest(tenant, slot), deviceSequence) + 1;

    /// <summary>Records a signed number and saves the ledger (written aside, then moved into place).</summary>
    public void Record(string tenant, int slot, long sequence)
    {
        string key = Key(tenant, slot);
        if (sequence <= _highest.GetValueOrDefault(key))
            return;
        _highest[key] = sequence;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        string temporary = _path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, JsonSerializer.Serialize(_highest, FunctionProject.Json));
        File.Move(temporary, _path, overwrite: true);
    }

    private static string Key(string tenant, int slot) => tenant + "/" + slot;
}
