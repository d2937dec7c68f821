namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// Explicit little-endian access to byte arrays. nanoFramework has no span-based
    /// BinaryPrimitives, and eBPF memory is little-endian on every supported board.
    /// </summary>
    public static class LittleEndian
    {
        public static ushort ReadUInt16(byte[] b, int i)
        {
            return (ushort)(b[i] | (b[i + 1] << 8));
        }

        public static uint ReadUInt32(byte[] b, int i)
        {
            return (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
        }

        public static ulong ReadUInt64(byte[] b, int i)
        {
            return ReadUInt32(b, i) | ((ulong)ReadUInt32(b, i + 4) << 32);
        }

        public static void WriteUInt16(byte[] b, int i, ushort v)
        {
            b[i] = (byte)v;
            b[i + 1] = (byte)(v >> 8);
        }

        public static void WriteUInt32(byte[] b, int i, uint v)
        {
            b[i] = (byte)v;
            b[i + 1] = (byte)(v >> 8);
            b[i + 2] = (byte)(v >> 16);
            b[i + 3] = (byte)(v >> 24);
        }

        public static void WriteUInt64(byte[] b, int i, ulong v)
        {
            WriteUInt32(b, i, (uint)v);
            WriteUInt32(b, i + 4, (uint)(v >> 32));
        }
    }
}
