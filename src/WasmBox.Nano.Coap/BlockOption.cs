namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// Value of a Block1 or Block2 option (RFC 7959, section 2.2): block number, more flag and size
    /// exponent. Block size is 2^(SZX + 4), 16..1024 bytes; SZX 7 is reserved.
    /// </summary>
    public struct BlockOption
    {
        public const int MaxSizeExponent = 6;
        public const int MaxNumber = 0xFFFFF;

        public BlockOption(int number, bool more, int sizeExponent)
        {
            Number = number;
            More = more;
            SizeExponent = sizeExponent;
        }

        public int Number { get; private set; }
        public bool More { get; private set; }
        public int SizeExponent { get; private set; }
        public int Size { get { return SizeOf(SizeExponent); } }
        /// <summary>Byte offset of this block in the whole body.</summary>
        public int Offset { get { return Number * Size; } }

        public static int SizeOf(int sizeExponent) { return 16 << sizeExponent; }

        public uint Encode()
        {
            return ((uint)Number << 4) | (More ? 8u : 0u) | (uint)SizeExponent;
        }

        public static BlockOption Decode(uint value)
        {
            return new BlockOption((int)(value >> 4), (value & 8) != 0, (int)(value & 7));
        }

        /// <summary>The largest size exponent whose block fits in <paramref name="bytes"/> (at least 0).</summary>
        public static int ExponentFor(int bytes)
        {
            int exponent = MaxSizeExponent;
            while (exponent > 0 && SizeOf(exponent) > bytes) exponent--;
            return exponent;
        }
    }
}
