using WasmBox.Nano.Bench.Hostcalls;
using WasmBox.Nano.Toolchain;
using WasmBox.Nano.Toolchain.Compiling;

namespace WasmBox.Nano.NanoClr;

/// <summary>x86 instructions callgrind counted per helper call for one hostcall case: (many runs − few runs) over the calls between.</summary>
internal sealed record HostcallMeasurement(string Case, int FewRuns, int ManyRuns, long FewIr, long ManyIr)
{
    public double X86PerCall => (double)(ManyIr - FewIr) / ((long)(ManyRuns - FewRuns) * HostcallCase.CallsPerRun);
}

internal sealed partial class DeviceBenchmarks
{
    const int FewHostcallRuns = 2, ManyHostcallRuns = 6;

    /// <summary>
    /// The cases of `wbx bench hostcalls` on nanoCLR under callgrind: the same clang-built tenant functions
    /// and sample policies on the device runtime (Device/HostcallBench.cs), each with two run counts.
    /// </summary>
    public IReadOnlyList<HostcallMeasurement> Hostcalls(Action<string> progress)
    {
        string samples = Path.Combine(repositoryRoot, "tools", "samples");
        var options = new CompileOptions([Path.Combine(samples, "include")], []);
        var programs = new List<(string Name, string Calls)>();
        for (int i = 0; i < HostcallCase.All.Length; i++)
        {
            HostcallCase c = HostcallCase.All[i];
            progress("clang: " + c.Name);
            BuildResult tenant = FunctionBuilder.Build(new BuildRequest(Path.Combine(repositoryRoot, "tools", "bench", "hostcalls", c.TenantSource + ".c"),
                c.TenantSource, options, null));
            BuildResult? policy = c.Policy is null ? null
                : FunctionBuilder.Build(new BuildRequest(Path.Combine(samples, "policies", c.Policy + ".c"), c.Policy, options, null));
            string call(int runs) => $"HostcallBench.Run(\"case{i}\", \"{c.Helper}\", \"{Hex(tenant.Image.Text)}\", \"{Hex(tenant.Image.Rodata)}\", "
                + $"\"{(policy is null ? "" : Hex(policy.Image.Text))}\", \"{(policy is null ? "" : Hex(policy.Image.Rodata))}\", "
                + $"\"{(c.PolicyTenants.Length == 0 ? "" : c.PolicyTenants[0])}\", {runs});";
            programs.Add(($"WbxHc_{i}_few", call(FewHostcallRuns)));
            programs.Add(($"WbxHc_{i}_many", call(ManyHostcallRuns)));
        }
        progress("building the hostcall programs (Release)");
        var build = Build(programs);
        var results = new List<HostcallMeasurement>();
        for (int i = 0; i < HostcallCase.All.Length; i++)
        {
            progress($"callgrind: {HostcallCase.All[i].Name} ({FewHostcallRuns} and {ManyHostcallRuns} runs)");
            long Ir(string program) => CollectedInstructions(build.LibraryPes.Where(p => !IsOtherProgram(p, program)));
            results.Add(new HostcallMeasurement(HostcallCase.All[i].Name, FewHostcallRuns, ManyHostcallRuns, Ir($"WbxHc_{i}_few"), Ir($"WbxHc_{i}_many")));
        }
        return results;
    }

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
