using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using WasmBox.Nano.Conformance;

namespace WasmBox.Nano.Asm.Tests;

/// <summary>
/// Drives the built <c>wbx conformance-plugin</c> the way bpf_conformance_runner does: program
/// bytes as "%02x  " groups on one stdin line, the memory in the same form as the first
/// argument only when the test has memory, r0 read back as hex from stdout.
/// </summary>
public class PluginProcessTests
{
    private static readonly string WbxDll = Path.GetFullPath(Path.Combine(
        AppContext.BaseDirectory, "..", "..", "WasmBox.Nano.Cli", "debug", "wbx.dll"));

    [SkippableTheory]
    [InlineData("mem-len.data")]
    [InlineData("call_unwind_fail.data")]
    [InlineData("lddw.data")]
    [InlineData("stxb-chain.data")]
    [InlineData("call_local.data")]
    public void Plugin_returns_the_expected_r0(string fileName)
    {
        var test = Corpus.Load(fileName);
        SkipUnlessBuilt();
        var args = test.Memory.Length > 0 ? new[] { RunnerHex(test.Memory) } : [];

        var (exitCode, stdout, stderr) = RunPlugin(RunnerHex(ConformanceRunner.Bytecode(test)), args);

        Assert.True(exitCode == 0, "exit " + exitCode + ": " + stderr);
        Assert.Equal(test.ExpectedResult, ulong.Parse(stdout.TrimEnd('\n', '\r'), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public void Plugin_reports_a_fault_on_stderr_with_a_nonzero_exit()
    {
        SkipUnlessBuilt();
        // ldxw %r0, [%r1]; exit — with no memory r1 is 0, which always faults.
        byte[] code = Assembler.Assemble("ldxw %r0, [%r1]\nexit");

        var (exitCode, stdout, stderr) = RunPlugin(RunnerHex(code), []);

        Assert.NotEqual(0, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("out of bounds", stderr);
    }

    [SkippableFact]
    public void Plugin_reads_an_elf_file_when_given_elf()
    {
        SkipUnlessBuilt();
        byte[] code = Assembler.Assemble("mov %r0, 7\nexit");

        var (exitCode, stdout, stderr) = RunPlugin(RunnerHex(MinimalElf(code)), ["--elf"]);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("7", stdout.Trim());
    }

    private static void SkipUnlessBuilt() =>
        Skip.IfNot(File.Exists(WbxDll), "wbx.dll not built at " + WbxDll);

    /// <summary>The runner's encoding: every byte as two hex digits followed by two spaces.</summary>
    private static string RunnerHex(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture)).Append("  ");
        }
        return text.ToString();
    }

    private static (int ExitCode, string Stdout, string Stderr) RunPlugin(string stdin, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(WbxDll);
        start.ArgumentList.Add("conformance-plugin");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine(stdin);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>An ELF64 file whose only section is an executable PROGBITS section holding <paramref name="code"/>.</summary>
    private static byte[] MinimalElf(byte[] code)
    {
        const int headerSize = 64, sectionHeaderSize = 64;
        var elf = new byte[headerSize + code.Length + 2 * sectionHeaderSize];
        var span = elf.AsSpan();
        "\u007fELF"u8.CopyTo(span);
        elf[4] = 2; // 64-bit
        elf[5] = 1; // little-endian
        elf[6] = 1;
        code.CopyTo(span[headerSize..]);
        int sectionTable = headerSize + code.Length;
        BinaryPrimitives.WriteUInt64LittleEndian(span[0x28..], (ulong)sectionTable);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3a..], sectionHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3c..], 2);
        var text = span[(sectionTable + sectionHeaderSize)..];
        BinaryPrimitives.WriteUInt32LittleEndian(text[4..], 1); // PROGBITS
        BinaryPrimitives.WriteUInt64LittleEndian(text[8..], 6); // ALLOC | EXECINSTR
        BinaryPrimitives.WriteUInt64LittleEndian(text[0x18..], headerSize);
        BinaryPrimitives.WriteUInt64LittleEndian(text[0x20..], (ulong)code.Length);
        return elf;
    }
}
