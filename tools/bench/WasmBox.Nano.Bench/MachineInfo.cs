using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace WasmBox.Nano.Bench;

/// <summary>What the figures were measured on; timings mean little without it.</summary>
public sealed record MachineInfo(string Cpu, int LogicalCores, string Runtime, string Os, bool VmJitOptimized)
{
    public static MachineInfo Current() => new(
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        IsJitOptimized(typeof(WasmBox.Nano.Vm.Vm).Assembly));

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            foreach (string line in File.ReadLines(cpuInfo))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim() == "model name")
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>A Debug build of the VM runs with the JIT optimiser off and is several times slower.</summary>
    private static bool IsJitOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
}
