using WasmBox.Nano.Toolchain.Elf;

namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>The image's byte arrays, filled from the sections at the offsets an <see cref="ImageLayout"/> chose.</summary>
internal sealed class ImageSegments
{
    public ImageSegments(ElfFile elf, ImageLayout layout)
    {
        Text = new byte[layout.TextBytes];
        Rodata = new byte[layout.RodataBytes];
        Data = new byte[layout.DataBytes];
        foreach (ElfSection section in elf.Sections)
        {
            SectionRole role = layout.RoleOf(section);
            if (HasBytes(role))
            {
                section.Contents.Span.CopyTo(For(role).AsSpan(layout.OffsetOf(section)));
            }
        }
    }

    public byte[] Text { get; }

    public byte[] Rodata { get; }

    public byte[] Data { get; }

    /// <summary>True for the roles whose sections have bytes in the image (not bss, not unloaded).</summary>
    public static bool HasBytes(SectionRole role) => role is SectionRole.Text or SectionRole.Rodata or SectionRole.Data;

    /// <summary>The array holding sections of <paramref name="role"/>, one of those <see cref="HasBytes"/> accepts.</summary>
    public byte[] For(SectionRole role) => role switch
    {
        SectionRole.Text => Text,
        SectionRole.Rodata => Rodata,
        SectionRole.Data => Data,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no bytes in the image"),
    };
}
