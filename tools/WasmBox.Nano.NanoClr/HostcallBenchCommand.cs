using System.Text.Json;

namespace WasmBox.Nano.NanoClr;

/// <summary>
/// <c>bench --hostcalls [--json]</c>: x86 instructions per helper call on nanoCLR (callgrind) with no policy, a
/// trivial allow policy and each sample policy, and the ns they take at a stated rate.
/// </summary>
internal static class HostcallBenchCommand
{
    /// <summary>
    /// nanoCLR's x86 instructions per ns on an idle machine: 398.4 M callgrind instructions per ES256 verify that took
    /// 31 ms there (README, "Device build on nanoCLR"). A board runs at a different rate; this only turns counts into time.
    /// </summary>
    public const double X86PerNs = 398.4e6 / 31e6;

    public static int Run(string repositoryRoot, bool json)
    {
        var kit = NanoClrKit.Find(repositoryRoot, out var missing);
        if (kit == null)
        {
            Console.Error.WriteLine("nanoclr: error: " + missing);
            return 2;
        }
        IReadOnlyList<HostcallMeasurement> results;
        try
        {
            results = new DeviceBenchmarks(kit, repositoryRoot).Hostcalls(step => Console.Error.WriteLine(step + " ..."));
        }
        catch (Exception e) when (e is InvalidOperationException or WasmBox.Nano.Toolchain.ToolchainException)
        {
            Console.Error.WriteLine("nanoclr: error: " + e.Message);
            return 1;
        }
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { runtime = "nanoCLR (POSIX, x86-64), Release device build", x86PerNs = X86PerNs,
                cases = results.Select(r => new { r.Case, r.X86PerCall, nsPerCall = r.X86PerCall / X86PerNs, r.FewRuns, r.ManyRuns, r.FewIr, r.ManyIr }) }));
            return 0;
        }
        Console.WriteLine($"{"helper (100 calls per run), policy",-38} {"x86/call",10} {"ns/call",9} {"added x86/call",15}");
        double baseline = 0;
        foreach (var r in results)
        {
            bool noPolicy = r.Case.EndsWith(", no policy", StringComparison.Ordinal);
            baseline = noPolicy ? r.X86PerCall : baseline;
            Console.WriteLine($"{r.Case,-38} {r.X86PerCall,10:N0} {r.X86PerCall / X86PerNs,9:N0} {(noPolicy ? "-" : (r.X86PerCall - baseline).ToString("N0")),15}");
        }
        Console.WriteLine($"x86/call: callgrind's count for {results[0].ManyRuns} runs minus {results[0].FewRuns} runs over the calls between; "
            + $"ns/call at {X86PerNs:N1} x86 instructions per ns (nanoCLR's rate on an idle machine); added: against the helper's no-policy row");
        return 0;
    }
}
