using System.Buffers.Binary;
using WasmBox.Nano.Toolchain.Elf;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>
/// Applies the REL relocations of loaded sections to the image: LDDW immediates
/// (R_BPF_64_64) get absolute VM addresses, calls (R_BPF_64_32) become local calls with
/// pc-relative immediates, and pointers stored in data (R_BPF_64_ABS64/ABS32) get absolute
/// addresses. Addends are the bytes already in place. Debug and BTF relocations are skipped.
/// </summary>
internal sealed class Relocator(ElfFile elf, ImageLayout layout, ImageSegments segments)
{
    private const int LddwSlots = 2;

    private readonly SymbolResolver _symbols = new(elf, layout);

    public void ApplyAll()
    {
        foreach (ElfRelocationSection relocations in elf.RelocationSections)
        {
            ElfSection target = relocations.Target;
            SectionRole role = layout.RoleOf(target);
            if (!ImageSegments.HasBytes(role))
            {
                if (SectionClassifier.IsDebugInfo(target) || relocations.Entries.Count == 0)
                {
                    continue;
                }
                throw new ToolchainException("relocation section " + relocations.Section.Describe() + " patches section "
                    + target.Describe() + ", which has no bytes in the image to patch");
            }
            foreach (ElfRelocation relocation in relocations.Entries)
            {
                Apply(relocation, target, role);
            }
        }
    }

    private void Apply(ElfRelocation relocation, ElfSection target, SectionRole role)
    {
        string site = RelocationType.Name(relocation.Type) + " (type " + relocation.Type + ") at offset " + relocation.Offset
            + " of section " + target.Describe();
        ElfSymbol symbol = elf.Symbols[(int)relocation.SymbolIndex];
        bool code = role == SectionRole.Text;
        switch (relocation.Type)
        {
            case RelocationType.None:
                return;
            case RelocationType.Lddw64 when code:
                PatchLddw(Slot(relocation, target, LddwSlots * Opcodes.InstructionSize, site), symbol, site);
                return;
            case RelocationType.Call32 when code:
                Span<byte> call = Slot(relocation, target, Opcodes.InstructionSize, site);
                PatchCall(call, (layout.OffsetOf(target) + (int)relocation.Offset) / Opcodes.InstructionSize, symbol, site);
                return;
            case RelocationType.Abs64 when !code:
                PatchPointer(Slot(relocation, target, 8, site), 8, symbol, site);
                return;
            case RelocationType.Abs32 when !code:
                PatchPointer(Slot(relocation, target, 4, site), 4, symbol, site);
                return;
            case RelocationType.Lddw64:
            case RelocationType.Call32:
            case RelocationType.Abs64:
            case RelocationType.Abs32:
            case RelocationType.NoDyld32:
                throw new ToolchainException(site + " is not supported in " + (code ? "an executable" : "a data") + " section");
            default:
                throw new ToolchainException("unknown relocation type " + relocation.Type + " at offset " + relocation.Offset
                    + " of section " + target.Describe() + " (supported: R_BPF_64_64, R_BPF_64_32, R_BPF_64_ABS64, R_BPF_64_ABS32)");
        }
    }

    /// <summary>The image bytes a relocation patches, checked to lie inside its section (and on an instruction in code).</summary>
    private Span<byte> Slot(ElfRelocation relocation, ElfSection target, int width, string site)
    {
        bool code = layout.RoleOf(target) == SectionRole.Text;
        if (relocation.Offset > target.Size || (ulong)width > target.Size - relocation.Offset
            || (code && relocation.Offset % (ulong)Opcodes.InstructionSize != 0))
        {
            throw new ToolchainException(site + " does not patch " + (code ? "a whole instruction" : width + " bytes")
                + " inside the section (" + target.Size + " bytes)");
        }
        return segments.For(layout.RoleOf(target)).AsSpan(layout.OffsetOf(target) + (int)relocation.Offset, width);
    }

    private void PatchLddw(Span<byte> instruction, ElfSymbol symbol, string site)
    {
        if (instruction[0] != Opcodes.Lddw)
        {
            throw new ToolchainException(site + " is on opcode 0x" + instruction[0].ToString("x2") + ", not lddw (0x18)");
        }
        if ((instruction[1] >> 4) != 0)
        {
            throw new ToolchainException(site + " is on an lddw with source " + (instruction[1] >> 4)
                + " (a map or BTF pseudo-load); only plain 64-bit constants are supported");
        }
        ulong addend = BinaryPrimitives.ReadUInt32LittleEndian(instruction[4..])
            | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(instruction[12..]) << 32);
        ulong address = _symbols.DataAddress(symbol, site) + addend;
        BinaryPrimitives.WriteUInt32LittleEndian(instruction[4..], (uint)address);
        BinaryPrimitives.WriteUInt32LittleEndian(instruction[12..], (uint)(address >> 32));
    }

    private void PatchCall(Span<byte> instruction, int pc, ElfSymbol symbol, string site)
    {
        if (instruction[0] != Opcodes.Call)
        {
            throw new ToolchainException(site + " is on opcode 0x" + instruction[0].ToString("x2") + ", not call (0x85)");
        }
        long target = _symbols.CallTarget(symbol, BinaryPrimitives.ReadInt32LittleEndian(instruction[4..]), site);
        int textSlots = layout.TextBytes / Opcodes.InstructionSize;
        if (target < 0 || target >= textSlots)
        {
            throw new ToolchainException(site + " calls instruction " + target + ", outside the text of " + textSlots + " instructions");
        }
        instruction[1] = (byte)((instruction[1] & 0x0f) | (Opcodes.CallLocal << 4));
        BinaryPrimitives.WriteInt32LittleEndian(instruction[4..], (int)(target - pc - 1));
    }

    private void PatchPointer(Span<byte> slot, int width, ElfSymbol symbol, string site)
    {
        ulong addend = width == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(slot) : BinaryPrimitives.ReadUInt32LittleEndian(slot);
        ulong address = _symbols.DataAddress(symbol, site) + addend;
        if (width == 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(slot, address);
            return;
        }
        if (address > uint.MaxValue)
        {
            throw new ToolchainException(site + " needs address 0x" + address.ToString("x") + ", which does not fit in 32 bits");
        }
        BinaryPrimitives.WriteUInt32LittleEndian(slot, (uint)address);
    }
}
