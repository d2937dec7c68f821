using System.Globalization;

namespace WasmBox.Nano.Deploy.Fleet;

/// <summary>
/// The lines a device process (`wbx fleet --part`) and the `wbx fleet` that started it exchange:
/// the part prints its progress, then "online RETRIES BYTES"; it answers "check TENANT SLOT
/// SEQUENCE" with "holding LOSSES ID...", and stops its devices when its input ends.
/// </summary>
public static class FleetPartProtocol
{
    private const string Online = "online";
    private const string Check = "check";
    private const string Holding = "holding";

    public static string OnlineLine(int retries, long bytesUsed) => Online + " " + retries + " " + bytesUsed;

    /// <summary>Null when <paramref name="line"/> is a progress line.</summary>
    public static (int Retries, long BytesUsed)? ParseOnline(string line)
    {
        string[] words = line.Split(' ');
        return words.Length == 3 && words[0] == Online && int.TryParse(words[1], CultureInfo.InvariantCulture, out int retries)
            && long.TryParse(words[2], CultureInfo.InvariantCulture, out long bytes)
            ? (retries, bytes)
            : null;
    }

    public static string CheckLine(string tenant, int slot, long sequence) => Check + " " + tenant + " " + slot + " " + sequence;

    public static string HoldingLine(FleetPartCheck check) => string.Join(' ', [Holding, check.ConnectionLosses.ToString(CultureInfo.InvariantCulture), .. check.Holding]);

    public static FleetPartCheck ParseHolding(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != Holding || !int.TryParse(words[1], CultureInfo.InvariantCulture, out int losses))
            throw new DeployException("a device process answered a check with '" + line + "'");
        return new FleetPartCheck(words[2..], losses);
    }

    /// <summary>
    /// The device process's side once its devices are online: says so, answers checks, and returns
    /// when its input ends (the caller then stops the devices).
    /// </summary>
    public static async Task ServeAsync(IFleetPart part, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(OnlineLine(part.ConnectRetries, part.BytesUsed));
        await output.FlushAsync(cancellationToken);
        while (await input.ReadLineAsync(cancellationToken) is string line)
        {
            string[] words = line.Split(' ');
            if (words.Length != 4 || words[0] != Check || !int.TryParse(words[2], CultureInfo.InvariantCulture, out int slot)
                || !long.TryParse(words[3], CultureInfo.InvariantCulture, out long sequence))
                throw new DeployException("a device process was sent '" + line + "'; it understands only '" + Check + " TENANT SLOT SEQUENCE'");
            await output.WriteLineAsync(HoldingLine(await part.CheckAsync(words[1], slot, sequence, cancellationToken)));
            await output.FlushAsync(cancellationToken);
        }
    }
}
