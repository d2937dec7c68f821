using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Signing.Authoring;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>
/// A scenario run natively: the sample's C compiled with gcc against the native helpers
/// (tools/samples/native), fed a script describing the same board, grants and events as the
/// runtime run, printing the same trace.
/// </summary>
public static class NativeScenario
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Executables = new();
    private static readonly string WorkDirectory = Directory.CreateTempSubdirectory("wbx-native-samples-").FullName;
    private static readonly Lazy<string?> MissingGcc = new(FindMissingGcc);

    public static void RequireGcc() => Skip.If(MissingGcc.Value is not null, MissingGcc.Value);

    public static IReadOnlyList<string> Run(Scenario scenario)
    {
        RequireGcc();
        string executable = Executables.GetOrAdd(scenario.Sample.Name, _ => new Lazy<string>(() => Compile(scenario.Sample))).Value;
        ProcessResult result = Execute(executable, [], Script(scenario));
        Assert.True(result.ExitCode == 0, "native run of " + scenario + " failed: " + result.Error);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The script run_native.c reads: the device and tenant of a <see cref="SimulatedDevice"/>, then the runs.</summary>
    public static string Script(Scenario scenario)
    {
        using var device = new SimulatedDevice();
        TenantPolicy policy = device.Runtime.FindTenant(scenario.Sample.Tenant).Policy;
        var script = new StringBuilder();
        script.AppendLine("payload_bytes " + policy.Limits.PayloadBytes);
        script.AppendLine("stores " + policy.Limits.LocalStoreCapacity + " " + policy.Limits.GlobalStoreCapacity);
        for (int i = 0; i < policy.TopicCount; i++)
        {
            script.AppendLine("topic " + policy.TopicAt(i));
        }
        foreach (SensorSpec sensor in device.Board.Profile.Sensors)
        {
            int[] values = scenario.SensorValues.TryGetValue(sensor.Name, out int[]? v) ? v : [0];
            script.AppendLine("sensor " + (scenario.Sample.Sensors.Contains(sensor.Name) ? 1 : 0) + " "
                + SensorTypes.Sensors[sensor.Type] + " " + sensor.Scale + " " + string.Join(" ", values));
        }
        foreach (PinRequest pin in scenario.Sample.Pins.Select(RequestSpecs.ParsePin))
        {
            bool output = pin.Mode == (int)PinDriveMode.Output;
            bool pulledUp = pin.Mode == (int)PinDriveMode.InputPullUp;
            script.AppendLine("pin " + pin.Pin + " " + (output ? 1 : 0) + " " + (pulledUp ? 1 : 0));
        }
        foreach ((bool global, uint key) in scenario.ParsedKeys())
        {
            script.AppendLine("key " + (global ? "global " : "local ") + key.ToString(CultureInfo.InvariantCulture));
        }
        foreach (SampleRun run in scenario.Runs)
        {
            script.AppendLine("hook " + (int)run.Kind + " " + run.Parameter);
            script.AppendLine("run " + run.AdvanceMs + " " + (run.Rising ? 1 : 0) + " " + Trace.Hex(run.Payload));
        }
        return script.ToString();
    }

    private static string Compile(SampleSpec sample)
    {
        string output = Path.Combine(WorkDirectory, sample.Name);
        ProcessResult result = Execute("gcc",
        [
            "-O2", "-Wall", "-Wextra", "-Werror", "-DWBX_NATIVE",
            "-DWBX_SAMPLE=\"" + SamplePaths.Source(sample.Source) + "\"", "-DWBX_ENTRY=" + sample.Entry,
            "-I" + SamplePaths.Include, "-I" + SamplePaths.FemtoInclude,
            Path.Combine(SamplePaths.Native, "run_native.c"), Path.Combine(SamplePaths.Native, "helpers_native.c"),
            "-o", output,
        ], "");
        Assert.True(result.ExitCode == 0, "gcc failed for " + sample.Name + ":\n" + result.Error);
        return output;
    }

    private sealed record ProcessResult(int ExitCode, string Output, string Error);

    private static ProcessResult Execute(string program, IEnumerable<string> arguments, string input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " did not finish");
        }
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }

    private static string? FindMissingGcc()
    {
        try
        {
            return Execute("gcc", ["--version"], "").ExitCode == 0 ? null : "gcc --version failed; native comparisons need gcc";
        }
        catch (Win32Exception)
        {
            return "gcc is not installed (apt-get install gcc); native comparisons need it";
        }
    }
}
