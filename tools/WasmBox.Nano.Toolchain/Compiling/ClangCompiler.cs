using System.ComponentModel;
using System.Diagnostics;

namespace WasmBox.Nano.Toolchain.Compiling;

/// <summary>What to pass to clang besides the fixed eBPF flags.</summary>
public sealed record CompileOptions(IReadOnlyList<string> IncludeDirectories, IReadOnlyList<string> Defines)
{
    public static readonly CompileOptions Default = new([], []);
}

/// <summary>Compiles a C file to an eBPF relocatable object with the system's clang.</summary>
public static class ClangCompiler
{
    /// <summary>
    /// The flags every tenant function is built with: eBPF v3 (JMP32), optimised, no debug info,
    /// freestanding so the compiler's own stdint.h/stddef.h work without a libc for the target.
    /// </summary>
    public static readonly IReadOnlyList<string> Flags = ["-target", "bpf", "-O2", "-mcpu=v3", "-ffreestanding", "-g0", "-c"];

    private const string Clang = "clang";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>First line of <c>clang --version</c>; throws <see cref="CompilerMissingException"/> when clang is absent.</summary>
    public static string Version()
    {
        ProcessOutcome outcome = Run(["--version"]);
        if (outcome.ExitCode != 0)
        {
            throw new CompilerMissingException("clang --version failed (exit " + outcome.ExitCode + "): " + outcome.Error.Trim());
        }
        return outcome.Output.Split('\n')[0].Trim();
    }

    public static void Compile(string source, string objectPath, CompileOptions options)
    {
        var arguments = new List<string>(Flags);
        foreach (string dir in options.IncludeDirectories)
        {
            arguments.Add("-I" + dir);
        }
        foreach (string define in options.Defines)
        {
            arguments.Add("-D" + define);
        }
        // "-x c": the file is C whatever it is called (wbx recognises input by content).
        arguments.AddRange(["-x", "c", source, "-o", objectPath]);
        ProcessOutcome outcome = Run(arguments);
        if (outcome.ExitCode != 0)
        {
            throw new ToolchainException("clang failed (exit " + outcome.ExitCode + ") compiling " + source + ":\n" + outcome.Error.TrimEnd());
        }
    }

    private sealed record ProcessOutcome(int ExitCode, string Output, string Error);

    private static ProcessOutcome Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Clang)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CompilerMissingException(MissingMessage);
        }
        catch (Win32Exception)
        {
            throw new CompilerMissingException(MissingMessage);
        }
        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new ToolchainException("clang did not finish within " + Timeout.TotalSeconds + " s");
            }
            return new ProcessOutcome(process.ExitCode, output.Result, error.Result);
        }
    }

    private const string MissingMessage = "clang not found: apt-get install clang";
}
