using System.Text;

namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>Reads NUL-terminated names out of a string table section, refusing offsets outside it.</summary>
internal sealed class StringTable
{
    private readonly ElfSection _section;

    public StringTable(ElfSection section, string role)
    {
        if (section.Type != ElfConstants.SectionStrtab)
        {
            throw new ToolchainException(role + " " + section.Describe() + " is not a string table (type " + section.Type + ")");
        }
        _section = section;
    }

    public string Read(uint offset, string owner)
    {
        ReadOnlySpan<byte> bytes = _section.Contents.Span;
        if (offset >= (uint)bytes.Length)
        {
            throw new ToolchainException("the name of " + owner + " (offset " + offset + ") lies outside string table "
                + _section.Describe() + " of " + bytes.Length + " bytes");
        }
        ReadOnlySpan<byte> rest = bytes[(int)offset..];
        int end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw new ToolchainException("the name of " + owner + " is not terminated inside string table " + _section.Describe());
        }
        return Encoding.UTF8.GetString(rest[..end]);
    }
}
