using WasmBox.Nano.Toolchain.Elf;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>Turns relocation symbols into VM data addresses or instruction indices, refusing what cannot be linked.</summary>
internal sealed class SymbolResolver(ElfFile elf, ImageLayout layout)
{
    /// <summary>The VM address of the data <paramref name="symbol"/> names (without the addend).</summary>
    public ulong DataAddress(ElfSymbol symbol, string site)
    {
        if (symbol.IsUndefined)
        {
            throw new ToolchainException(site + " refers to undefined symbol '" + symbol.Name
                + "'; extern variables cannot be linked, define it in this file");
        }
        if (symbol.IsAbsolute)
        {
            return symbol.Value;
        }
        if (symbol.IsCommon)
        {
            return layout.AddressOfCommon(symbol);
        }
        ElfSection section = elf.Sections[symbol.SectionIndex];
        switch (layout.RoleOf(section))
        {
            case SectionRole.Rodata:
            case SectionRole.Data:
            case SectionRole.Bss:
                return layout.AddressOf(section, symbol.Value);
            case SectionRole.Text:
                throw new ToolchainException(site + " takes the address of code ('" + symbol.Name
                    + "'); function pointers are not supported (the VM has no indirect calls)");
            default:
                throw new ToolchainException(site + " refers to '" + symbol.Name + "' in section " + section.Describe()
                    + ", which is not loaded into the image");
        }
    }

    /// <summary>
    /// The instruction index a relocated call reaches: the symbol's instruction plus the call's
    /// own immediate + 1 (clang writes -1 for function symbols and the offset for section symbols).
    /// </summary>
    public long CallTarget(ElfSymbol symbol, int immediate, string site)
    {
        if (symbol.IsUndefined)
        {
            throw new ToolchainException(site + " calls undefined function '" + symbol.Name
                + "'; only functions defined in this file and helpers (called by number) can be called");
        }
        if (symbol.IsAbsolute || symbol.IsCommon || layout.RoleOf(elf.Sections[symbol.SectionIndex]) != SectionRole.Text)
        {
            throw new ToolchainException(site + " calls '" + symbol.Name + "', which is not in an executable section");
        }
        ElfSection section = elf.Sections[symbol.SectionIndex];
        if (symbol.Value % (ulong)Opcodes.InstructionSize != 0 || symbol.Value >= section.Size)
        {
            throw new ToolchainException(site + " calls '" + symbol.Name + "' at byte " + symbol.Value + " of section "
                + section.Describe() + ", which is not an instruction of it");
        }
        return layout.FirstInstructionOf(section) + (long)(symbol.Value / (ulong)Opcodes.InstructionSize) + immediate + 1L;
    }
}
