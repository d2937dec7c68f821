using System.Diagnostics;

namespace WasmBox.Nano.Toolchain.Tests.Support;

/// <summary>Runs clang and gcc for the tests; tests that need them skip when they are absent.</summary>
internal static class ExternalTools
{
    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(System.IO.Path.Combine(dir, tool)));

    public static void RequireClang() => Skip.IfNot(Has("clang"), "clang is not installed (apt-get install -y clang llvm)");

    public static void RequireGcc() => Skip.IfNot(Has("gcc"), "gcc is not installed (apt-get install -y gcc)");

    /// <summary>Runs a program to completion; fails the test with its stderr when it exits non-zero.</summary>
    public static string Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, program + " " + string.Join(" ", arguments) + " failed:\n" + error.Result);
        return output.Result;
    }
}
