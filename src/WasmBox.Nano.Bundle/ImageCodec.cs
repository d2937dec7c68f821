using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Bundle
{
    /// <summary>
    /// Encodes and decodes <see cref="FunctionImage"/> as
    /// <c>[text bstr, rodata bstr, data bstr, bss-size uint, entries [[name tstr, index uint], ...]]</c>
    /// (BUNDLE-FORMAT.md). Decoding is bounded and reports the first problem instead of throwing.
    /// </summary>
    public static class ImageCodec
    {
        public const int MaxTextBytes = 4096 * 8;
        public const int MaxSectionBytes = 32768;
        public const int MaxEntries = 8;
        public const int MaxEntryNameBytes = 32;

        public static byte[] Encode(FunctionImage image)
        {
            CborWriter w = new CborWriter();
            w.WriteArrayStart(5);
            w.WriteBytes(image.Text);
            w.WriteBytes(image.Rodata);
            w.WriteBytes(image.Data);
            w.WriteUInt((ulong)image.BssSize);
            w.WriteArrayStart(image.Entries.Length);
            for (int i = 0; i < image.Entries.Length; i++)
            {
                w.WriteArrayStart(2);
                w.WriteText(image.Entries[i].Name);
                w.WriteUInt((ulong)image.Entries[i].Index);
            }
            return w.ToArray();
        }

        /// <summary>Decodes an image; null with <paramref name="error"/> set when the bytes are not a valid image.</summary>
        public static FunctionImage Decode(byte[] buffer, int offset, int count, out string error)
        {
            CborReader r = new CborReader(buffer, offset, count, 64);
            int n;
            byte[] text;
            byte[] rodata;
            byte[] data;
            int bss;
            if (!r.ReadArrayStart(out n) || n != 5)
            {
                error = Describe(r, "image is not an array of 5 items");
                return null;
            }
            if (!r.ReadBytesCopy(MaxTextBytes, out text) || !r.ReadBytesCopy(MaxSectionBytes, out rodata)
                || !r.ReadBytesCopy(MaxSectionBytes, out data) || !r.ReadInt32(out bss))
            {
                error = Describe(r, "image sections are malformed");
                return null;
            }
            if (text.Length == 0 || text.Length % 8 != 0)
            {
                error = "image text is " + text.Length + " bytes, not a non-zero multiple of 8";
                return null;
            }
            if (bss > MaxSectionBytes || data.Length + bss > MaxSectionBytes)
            {
                error = "image data + bss exceed " + MaxSectionBytes + " bytes";
                return null;
            }
            int entryCount;
            if (!r.ReadArrayStart(out entryCount) || entryCount < 1 || entryCount > MaxEntries)
            {
                error = Describe(r, "image needs 1 to " + MaxEntries + " entry points");
                return null;
            }
            EntryPoint[] entries = new EntryPoint[entryCount];
            for (int i = 0; i < entryCount; i++)
            {
                int pair;
                string name;
                int index;
                if (!r.ReadArrayStart(out pair) || pair != 2 || !r.ReadText(MaxEntryNameBytes, out name)
                    || !r.ReadInt32(out index))
                {
                    error = Describe(r, "entry point " + i + " is malformed");
                    return null;
                }
                if (index >= text.Length / 8)
                {
                    error = "entry point " + name + " starts at instruction " + index + ", past the end of the text";
                    return null;
                }
                entries[i] = new EntryPoint(name, index);
            }
            if (!r.AtEnd)
            {
                error = "image has trailing bytes";
                return null;
            }
            error = null;
            return new FunctionImage(text, rodata, data, bss, entries);
        }

        internal static string Describe(CborReader r, string what)
        {
            if (r.Error == CborError.None)
            {
                return what;
            }
            return what + " (CBOR " + CborErrorText.Describe(r.Error) + " at byte " + r.ErrorOffset + ")";
        }
    }
}
