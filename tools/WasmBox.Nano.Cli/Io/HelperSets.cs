using System.Globalization;
using WasmBox.Nano.Conformance;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Cli.Io;

/// <summary>Helper tables named on the command line: "none", "conformance" (ids 0-5) or a list of ids.</summary>
internal static class HelperSets
{
    public const string None = "none";
    public const string Conformance = "conformance";

    /// <summary>
    /// For verification only: a list like "1,2,16" declares which ids exist. Their handlers
    /// are stand-ins that refuse to run, since the host has no device helpers.
    /// </summary>
    public static HelperTable Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec == None)
        {
            return new HelperTable();
        }
        if (spec == Conformance)
        {
            return ConformanceHelpers.CreateTable();
        }
        var table = new HelperTable();
        foreach (string item in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int id) || id > HelperTable.MaxId)
            {
                throw new CliError("bad helper id '" + item + "' in --helpers (ids are 0-" + HelperTable.MaxId
                    + ", or use '" + None + "' or '" + Conformance + "')");
            }
            table.Register(id, DeclaredHelper.Instance);
        }
        return table;
    }

    private sealed class DeclaredHelper : IHelper
    {
        public static readonly DeclaredHelper Instance = new();

        public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = 0;
            return VmStatus.HelperFault;
        }
    }
}
