using System.Diagnostics;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Cli.Tests;

/// <summary>
/// `wbx run` and `wbx verify` tell an ELF object, a function image and a bundle apart by their
/// bytes: each file here is named like another kind, and each is still read for what it is.
/// </summary>
public sealed class InputByContentTests : IDisposable
{
    private const string Source = "unsigned long run(unsigned long *ctx) { return ctx[0] * 3; }\n";
    private const string Seven = "0700000000000000";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _work = Directory.CreateTempSubdirectory("wbx-content-").FullName;

    [SkippableFact]
    public void An_elf_object_an_image_and_a_bundle_are_each_run_and_verified_as_what_they_are()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        string elf = Compile("function.wbx");
        Ok(Wbx("build", elf, "-o", At("image.bundle")));
        string keys = RepoFile.Find("tools/samples/keys/acme.key.pem")!;
        Ok(Wbx("pack", At("image.bundle"), "--key", keys, "--tenant", "acme", "--slot", "5", "--sequence", "1", "-o", At("bundle.wbi")));

        Assert.Equal("elf", Ok(Wbx("verify", elf, "--json")).Json.GetProperty("kind").GetString());
        Assert.Equal("image", Ok(Wbx("verify", At("image.bundle"), "--json")).Json.GetProperty("kind").GetString());
        var bundle = Ok(Wbx("verify", At("bundle.wbi"), "--json", "--keyring", Path.GetDirectoryName(keys)!)).Json;
        Assert.Equal("bundle", bundle.GetProperty("kind").GetString());
        Assert.True(bundle.GetProperty("ok").GetBoolean());
        foreach (string file in new[] { elf, At("image.bundle"), At("bundle.wbi") })
            Assert.Contains("r0: 0x15 (21)", Ok(Wbx("run", file, "--input", Seven)).Stdout);
    }

    [SkippableFact]
    public void Assembly_in_a_file_named_like_bytecode_is_assembled()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        File.WriteAllText(At("prog.bin"), "mov %r0, 21\nexit\n");
        Assert.Contains("r0: 0x15 (21)", Ok(Wbx("run", At("prog.bin"))).Stdout);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string At(string name) => Path.Combine(_work, name);

    private WbxResult Wbx(params string[] args) => WbxProcess.Run(_work, Timeout, args);

    private static WbxResult Ok(WbxResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>clang's eBPF object of <see cref="Source"/>, written under a name that says otherwise.</summary>
    private string Compile(string name)
    {
        Skip.IfNot((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "clang"))),
            "clang is not installed (Debian package 'clang')");
        File.WriteAllText(At("f.c"), Source);
        var start = new ProcessStartInfo("clang") { RedirectStandardError = true };
        foreach (string a in new[] { "-target", "bpf", "-O2", "-c", At("f.c"), "-o", At(name) })
            start.ArgumentList.Add(a);
        using Process clang = Process.Start(start)!;
        string error = clang.StandardError.ReadToEnd();
        clang.WaitForExit();
        Assert.True(clang.ExitCode == 0, error);
        return At(name);
    }
}
