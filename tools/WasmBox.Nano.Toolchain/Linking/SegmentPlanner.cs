namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>Appends sections to one image segment at their alignment, refusing to grow past its limit.</summary>
internal sealed class SegmentPlanner(string segment, int limit)
{
    /// <summary>Largest alignment honoured; the segment bases are aligned to it.</summary>
    public const ulong MaxAlignment = 4096;

    public int Length { get; private set; }

    /// <summary>Largest alignment placed so far (at least 1).</summary>
    public int Alignment { get; private set; } = 1;

    /// <summary>Reserves <paramref name="size"/> bytes for <paramref name="what"/> and returns their offset.</summary>
    public int Place(ulong size, ulong alignment, string what)
    {
        if (alignment > MaxAlignment || (alignment & (alignment - 1)) != 0)
        {
            throw new ToolchainException(what + " asks for alignment " + alignment + "; a power of two up to " + MaxAlignment
                + " is supported");
        }
        int align = alignment == 0 ? 1 : (int)alignment;
        int offset = AlignUp(Length, align);
        if (size > (ulong)limit || (ulong)offset + size > (ulong)limit)
        {
            throw new ToolchainException(what + " (" + size + " bytes) does not fit: " + segment + " would exceed the image limit of "
                + limit + " bytes");
        }
        Length = offset + (int)size;
        Alignment = Math.Max(Alignment, align);
        return offset;
    }

    public static int AlignUp(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);
}
