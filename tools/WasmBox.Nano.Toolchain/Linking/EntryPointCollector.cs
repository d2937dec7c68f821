using System.Text;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Elf;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>
/// The image's entry points: every global function in an executable section, by name, at its
/// instruction index. The first entry is the one asked for, else <c>main</c>, else the global
/// function that comes first in the text; the rest follow in text order.
/// </summary>
internal static class EntryPointCollector
{
    public const string DefaultName = "main";

    public static EntryPoint[] Collect(ElfFile elf, ImageLayout layout, string? requested)
    {
        var found = new List<EntryPoint>();
        foreach (ElfSymbol symbol in elf.Symbols)
        {
            if (!symbol.IsFunction || !symbol.IsGlobal || symbol.IsUndefined || symbol.IsAbsolute || symbol.IsCommon)
            {
                continue;
            }
            ElfSection section = elf.Sections[symbol.SectionIndex];
            if (layout.RoleOf(section) != SectionRole.Text)
            {
                continue;
            }
            if (symbol.Value % (ulong)Opcodes.InstructionSize != 0 || symbol.Value >= section.Size)
            {
                throw new ToolchainException("function '" + symbol.Name + "' starts at byte " + symbol.Value + " of section "
                    + section.Describe() + ", which is not an instruction of it");
            }
            CheckName(symbol.Name, found);
            found.Add(new EntryPoint(symbol.Name, layout.FirstInstructionOf(section) + (int)(symbol.Value / (ulong)Opcodes.InstructionSize)));
        }
        if (found.Count == 0)
        {
            throw new ToolchainException("the object defines no global function to start; make the entry function non-static");
        }
        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : string.CompareOrdinal(a.Name, b.Name));
        EntryPoint primary = Primary(found, requested);
        found.Remove(primary);
        found.Insert(0, primary);
        if (found.Count > ImageCodec.MaxEntries)
        {
            throw new ToolchainException("the object has " + found.Count + " global functions; an image holds at most "
                + ImageCodec.MaxEntries + " entry points (make helper functions static)");
        }
        return [.. found];
    }

    private static EntryPoint Primary(List<EntryPoint> found, string? requested)
    {
        EntryPoint? named = found.Find(e => e.Name == (requested ?? DefaultName));
        if (named != null)
        {
            return named;
        }
        if (requested != null)
        {
            throw new ToolchainException("entry '" + requested + "' is not a global function of the object; global functions: "
                + string.Join(", ", found.Select(e => e.Name)));
        }
        return found[0];
    }

    private static void CheckName(string name, List<EntryPoint> found)
    {
        int bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes == 0 || bytes > ImageCodec.MaxEntryNameBytes)
        {
            throw new ToolchainException("function name '" + name + "' has " + bytes + " bytes; entry point names have 1 to "
                + ImageCodec.MaxEntryNameBytes);
        }
        if (found.Exists(e => e.Name == name))
        {
            throw new ToolchainException("function '" + name + "' is defined twice");
        }
    }
}
