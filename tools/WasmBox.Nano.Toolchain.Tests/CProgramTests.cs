using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain.Tests;

/// <summary>
/// Small C programs compiled here with clang for eBPF, linked by the toolchain, verified and run
/// in the VM, give the same results as the same C compiled natively with gcc. Each also checks
/// that clang really emitted the ELF feature the program is there to exercise.
/// </summary>
public class CProgramTests
{
    private const string Strings = """
        unsigned long strings(unsigned long *ctx)
        {
            const char *a = "The quick brown fox";
            const char *b = "jumps over the lazy dog!";
            const char *s = (ctx[0] & 1) ? a : b;
            unsigned long h = 5381;
            for (unsigned long i = 0; s[i] != 0; i++)
                h = h * 33 + (unsigned char)s[i];
            return h + (unsigned char)s[ctx[1] % 19] + (unsigned char)"0123456789"[ctx[2] % 10];
        }
        """;

    private const string Globals = """
        unsigned long counter = 100;
        int step = 3;
        const char *label = "counter";
        unsigned long total;
        unsigned char seen[64];
        unsigned long globals(unsigned long *ctx)
        {
            counter += step;
            step++;
            total += ctx[0];
            seen[ctx[1] & 63]++;
            unsigned long s = 0;
            for (int i = 0; i < 64; i++)
                s += seen[i] * (unsigned long)(i + 1);
            return counter * 1000003 + total * 7 + s + (unsigned char)label[ctx[2] % 7];
        }
        """;

    private const string StaticCalls = """
        __attribute__((noinline)) static unsigned long mix(unsigned long a, unsigned long b)
        {
            return (a ^ (b << 7)) * 0x9e3779b97f4a7c15UL + (a >> 3);
        }
        __attribute__((noinline, section(".text.extra"))) static unsigned long fold(unsigned long x, int rounds)
        {
            for (int i = 0; i < rounds; i++)
                x = mix(x, (unsigned long)i);
            return x;
        }
        unsigned long calls(unsigned long *ctx)
        {
            return mix(ctx[0], ctx[1]) + fold(ctx[2], (int)(ctx[3] & 15));
        }
        """;

    private const string TwoGlobals = """
        __attribute__((noinline)) unsigned long perimeter(unsigned long *ctx)
        {
            return 2 * (ctx[0] + ctx[1]) + ctx[2];
        }
        unsigned long area(unsigned long *ctx)
        {
            return ctx[0] * ctx[1] + perimeter(ctx) * 3;
        }
        """;

    private const string Table = """
        static const unsigned int crc_nibble[16] = {
            0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
            0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
        };
        static const char *const names[4] = { "zero", "one", "two", "three" };
        unsigned long table(unsigned long *ctx)
        {
            const unsigned char *bytes = (const unsigned char *)ctx;
            unsigned int crc = 0xffffffffu;
            for (int i = 0; i < 32; i++) {
                crc = crc_nibble[(crc ^ bytes[i]) & 15] ^ (crc >> 4);
                crc = crc_nibble[(crc ^ (bytes[i] >> 4)) & 15] ^ (crc >> 4);
            }
            const char *name = names[ctx[1] & 3];
            unsigned long len = 0;
            while (name[len]) len++;
            return ((unsigned long)~crc << 8) + len * 16 + (unsigned char)name[0];
        }
        """;

    [SkippableFact]
    public void StringLiteralsAreReadFromRodataStr()
    {
        Assert.Contains(".rodata.str1.1", CrossCheck.SectionNames(Strings));
        FunctionImage image = CrossCheck.Link(Strings);
        Assert.Empty(image.Data);
        Assert.True(image.Rodata.Length >= 45, "rodata holds the strings");
        CrossCheck.SameAsNative(Strings, "strings", CrossCheck.Contexts, image);
    }

    [SkippableFact]
    public void InitialisedAndZeroedGlobalsKeepTheirValuesAcrossCalls()
    {
        string[] sections = CrossCheck.SectionNames(Globals);
        Assert.Contains(".data", sections);
        Assert.Contains(".bss", sections);
        FunctionImage image = CrossCheck.Link(Globals);
        Assert.Equal(72, image.BssSize);
        Assert.Equal(0, image.Data.Length % 8);
        CrossCheck.SameAsNative(Globals, "globals", [.. CrossCheck.Contexts, .. CrossCheck.Contexts]);
    }

    [SkippableFact]
    public void StaticFunctionsBecomeLocalCallsWithinAndAcrossSections()
    {
        Assert.Contains(".text.extra", CrossCheck.SectionNames(StaticCalls));
        CrossCheck.SameAsNative(StaticCalls, "calls", CrossCheck.Contexts);
    }

    [SkippableFact]
    public void BothGlobalFunctionsAreEntriesAndRunFromTheirOwnIndex()
    {
        FunctionImage image = CrossCheck.Link(TwoGlobals);
        Assert.Equal(["perimeter", "area"], image.Entries.Select(e => e.Name));
        Assert.Equal(0, image.Entries[0].Index);
        CrossCheck.SameAsNative(TwoGlobals, "area", CrossCheck.Contexts, image);
        CrossCheck.SameAsNative(TwoGlobals, "perimeter", CrossCheck.Contexts, image);
    }

    [SkippableFact]
    public void EntryOptionPutsTheNamedFunctionFirst()
    {
        FunctionImage image = CrossCheck.Link(TwoGlobals, "area");
        Assert.Equal(["area", "perimeter"], image.Entries.Select(e => e.Name));
        Assert.True(image.Entries[0].Index > 0);
    }

    [SkippableFact]
    public void ConstTablesAndPointersInRodataAreRelocated()
    {
        Assert.Contains(".rodata", CrossCheck.SectionNames(Table));
        FunctionImage image = CrossCheck.Link(Table);
        Assert.True(image.Rodata.Length >= 64 + 32, "rodata holds the table and the name pointers");
        CrossCheck.SameAsNative(Table, "table", CrossCheck.Contexts);
    }

    [SkippableFact]
    public void CommonSymbolsAreAllocatedInTheBss()
    {
        const string code = """
            int hits;
            long sum;
            unsigned long common(unsigned long *ctx) { hits++; sum += (long)ctx[0]; return (unsigned long)hits * 1000 + (unsigned long)sum; }
            """;
        var elf = Elf.ElfFile.Parse(CSource.CompileBpf(code, "-fcommon"));
        Assert.Contains(elf.Symbols, s => s.IsCommon);
        FunctionImage image = Linking.Linker.Link(elf);
        Assert.Equal(16, image.BssSize);
        ulong[] results = ImageRunner.RunAll(image, "common", CrossCheck.Contexts);
        Assert.Equal(results, CSource.RunNative(code, "common", CrossCheck.Contexts));
    }

    [SkippableFact]
    public void DataAndRodataLiveAtTheDocumentedAddresses()
    {
        const string code = """
            unsigned long value = 5;
            unsigned long zero;
            const unsigned long konst[2] = { 1, 2 };
            unsigned long where(unsigned long *ctx) { return ctx[0] == 0 ? (unsigned long)&value : ctx[0] == 1 ? (unsigned long)&zero : (unsigned long)&konst[1]; }
            """;
        FunctionImage image = CrossCheck.Link(code);
        var runner = new ImageRunner(image, "where");
        Assert.Equal(MemoryRegion.DataBase, runner.Call([0, 0, 0, 0]));
        Assert.Equal(MemoryRegion.DataBase + (ulong)image.Data.Length, runner.Call([1, 0, 0, 0]));
        Assert.Equal(MemoryRegion.RodataBase + 8, runner.Call([2, 0, 0, 0]));
    }

    [SkippableFact]
    public void DebugInfoAndBtfRelocationsAreIgnored()
    {
        byte[] withDebug = CSource.CompileBpf(Table, "-g");
        Assert.Contains(Elf.ElfFile.Parse(withDebug).RelocationSections, r => r.Target.Name == ".BTF.ext" && r.Entries.Count > 0);
        FunctionImage image = Linking.Linker.Link(withDebug);
        Assert.Equal(CrossCheck.Link(Table).Text, image.Text);
    }

    [SkippableFact]
    public void HelperCallsAreListedByTheVerifier()
    {
        const string code = """
            static unsigned long (*print)(const char *fmt, ...) = (void *)1;
            static unsigned long (*now_ms)(void) = (void *)0x20;
            unsigned long helpers(unsigned long *ctx) { print("tick %lu\n", ctx[0]); return now_ms(); }
            """;
        FunctionImage image = CrossCheck.Link(code);
        Assert.Equal([0x01, 0x20], FunctionBuilder.VerifiedHelperIds(image));
    }
}
