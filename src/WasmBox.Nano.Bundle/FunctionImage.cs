namespace WasmBox.Nano.Bundle
{
    /// <summary>A named entry point: the instruction index a hook starts the function at.</summary>
    public sealed class EntryPoint
    {
        public EntryPoint(string name, int index)
        {
            Name = name;
            Index = index;
        }

        public string Name { get; private set; }

        public int Index { get; private set; }
    }

    /// <summary>
    /// A relocated tenant function as the board maps it: bytecode, read-only data, initialised
    /// data and the size of the zeroed data after it, plus its entry points. Produced by
    /// `wbx build` from clang's ELF output; encoded by <see cref="ImageCodec"/>.
    /// </summary>
    public sealed class FunctionImage
    {
        public FunctionImage(byte[] text, byte[] rodata, byte[] data, int bssSize, EntryPoint[] entries)
        {
            Text = text;
            Rodata = rodata;
            Data = data;
            BssSize = bssSize;
            Entries = entries;
        }

        public byte[] Text { get; private set; }

        public byte[] Rodata { get; private set; }

        public byte[] Data { get; private set; }

        public int BssSize { get; private set; }

        public EntryPoint[] Entries { get; private set; }

        /// <summary>The entry point called <paramref name="name"/>, or null.</summary>
        public EntryPoint FindEntry(string name)
        {
            for (int i = 0; i < Entries.Length; i++)
            {
                if (Entries[i].Name == name)
                {
                    return Entries[i];
                }
            }
            return null;
        }
    }
}
