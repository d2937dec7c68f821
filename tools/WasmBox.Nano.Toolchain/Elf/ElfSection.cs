namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>One section header, with its bytes (empty for NOBITS) already checked to lie inside the file.</summary>
public sealed class ElfSection
{
    internal ElfSection(int index, string name, uint type, ulong flags, ulong size, uint link, uint info,
        ulong alignment, ulong entrySize, ReadOnlyMemory<byte> contents)
    {
        Index = index;
        Name = name;
        Type = type;
        Flags = flags;
        Size = size;
        Link = link;
        Info = info;
        Alignment = alignment;
        EntrySize = entrySize;
        Contents = contents;
    }

    public int Index { get; }

    public string Name { get; }

    public uint Type { get; }

    public ulong Flags { get; }

    /// <summary>Size in memory; for NOBITS sections it is not backed by file bytes.</summary>
    public ulong Size { get; }

    public uint Link { get; }

    public uint Info { get; }

    public ulong Alignment { get; }

    public ulong EntrySize { get; }

    /// <summary>The section's file bytes; empty for NOBITS.</summary>
    public ReadOnlyMemory<byte> Contents { get; }

    public bool IsAllocated => (Flags & ElfConstants.FlagAlloc) != 0;

    public bool IsExecutable => (Flags & ElfConstants.FlagExecInstr) != 0;

    public bool IsNoBits => Type == ElfConstants.SectionNoBits;

    /// <summary>"'.text' (section 2)", for messages.</summary>
    public string Describe() => "'" + Name + "' (section " + Index + ")";
}
