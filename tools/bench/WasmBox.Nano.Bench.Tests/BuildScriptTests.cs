using System.Diagnostics;
using System.Text.Json;

namespace WasmBox.Nano.Bench.Tests;

/// <summary>
/// The committed programs, inputs and manifest are exactly what build.sh makes from the C
/// sources: it rebuilds them with the real clang and gcc in a scratch copy and compares.
/// </summary>
public sealed class BuildScriptTests
{
    private static readonly string[] SourcePatterns = ["*.c", "*.h", "build.sh", "native/*.c", "inputs/fletcher32.txt"];

    [SkippableFact]
    public void CommittedBinariesMatchARebuild()
    {
        string bench = Path.Combine(RepoRoot(), "tools", "bench");
        foreach (string tool in new[] { "clang", "llvm-objcopy", "llvm-readelf", "gcc" })
        {
            Skip.IfNot(OnPath(tool), $"{tool} is not installed (apt-get install -y clang llvm gcc)");
        }
        string committedClang = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(bench, "benchmarks.json")))
            .RootElement.GetProperty("clang").GetString()!;
        string localClang = Execute("clang", "--version", bench).Split('\n')[0].Trim();
        Skip.If(localClang != committedClang, $"binaries were built with '{committedClang}', this machine has '{localClang}'");

        string scratch = Directory.CreateTempSubdirectory("wbx-bench-build-").FullName;
        try
        {
            CopySources(bench, scratch);
            Execute("bash", "build.sh", scratch);

            foreach (string file in Directory.GetFiles(scratch, "*", SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(scratch, f))
                         .Where(f => f == "benchmarks.json" || f.StartsWith("bin/") || f.StartsWith("inputs/")))
            {
                Assert.True(File.Exists(Path.Combine(bench, file)), $"build.sh makes {file}, which is not committed");
                Assert.True(
                    File.ReadAllBytes(Path.Combine(bench, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(scratch, file))),
                    $"tools/bench/{file} differs from a rebuild: run tools/bench/build.sh");
            }
        }
        finally
        {
            Directory.Delete(scratch, true);
        }
    }

    private static void CopySources(string from, string to)
    {
        foreach (string pattern in SourcePatterns)
        {
            string folder = Path.GetDirectoryName(pattern) ?? "";
            Directory.CreateDirectory(Path.Combine(to, folder));
            foreach (string file in Directory.GetFiles(Path.Combine(from, folder), Path.GetFileName(pattern)))
            {
                File.Copy(file, Path.Combine(to, folder, Path.GetFileName(file)));
            }
        }
    }

    private static string Execute(string program, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{program} {arguments} did not finish");
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited {process.ExitCode}:\n{stdout}{stderr.Result}");
        return stdout;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WasmBox.Nano.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("WasmBox.Nano.sln not found above " + AppContext.BaseDirectory);
    }
}
