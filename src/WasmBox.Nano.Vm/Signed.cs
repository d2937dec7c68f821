namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// Signed operations written so that nanoCLR computes them like desktop .NET. nanoCLR picks signed or
    /// unsigned behaviour of <c>shr</c>, <c>rem</c> and <c>conv.i8</c> from the type tag of the value on its
    /// evaluation stack, not from the IL instruction, and a C# cast between same-size signed and unsigned types
    /// emits no IL: <c>(long)r >> n</c> on a register read from a <c>ulong[]</c> shifts logically on a board,
    /// <c>a % b</c> is unsigned, and <c>(ulong)(int)w</c> zero-extends (../shared/nanoclr/README.md). These
    /// forms use only logical shifts, masks, add/sub and signed division, whose results do not depend on tags.
    /// </summary>
    public static class Signed
    {
        /// <summary>The low 8 bits of <paramref name="v"/> sign-extended to 64.</summary>
        public static ulong Extend8(ulong v)
        {
            return ((v & 0xFFUL) ^ 0x80UL) - 0x80UL;
        }

        /// <summary>The low 16 bits of <paramref name="v"/> sign-extended to 64.</summary>
        public static ulong Extend16(ulong v)
        {
            return ((v & 0xFFFFUL) ^ 0x8000UL) - 0x8000UL;
        }

        /// <summary>The low 32 bits of <paramref name="v"/> sign-extended to 64.</summary>
        public static ulong Extend32(ulong v)
        {
            return ((v & 0xFFFFFFFFUL) ^ 0x80000000UL) - 0x80000000UL;
        }

        /// <summary>Arithmetic right shift of 64 bits by <paramref name="n"/> (0..63).</summary>
        public static ulong ShiftRight64(ulong v, int n)
        {
            ulong shifted = v >> n;
            return (v & 0x8000000000000000UL) != 0 ? shifted | ~(0xFFFFFFFFFFFFFFFFUL >> n) : shifted;
        }

        /// <summary>Arithmetic right shift of 32 bits by <paramref name="n"/> (0..31).</summary>
        public static uint ShiftRight32(uint v, int n)
        {
            uint shifted = v >> n;
            return (v & 0x80000000u) != 0 ? shifted | ~(0xFFFFFFFFu >> n) : shifted;
        }

        /// <summary>Truncated signed remainder (sign of the dividend); <paramref name="b"/> is neither 0 nor -1.</summary>
        public static long Remainder64(long a, long b)
        {
            return a - a / b * b;
        }

        /// <summary>Truncated signed remainder (sign of the dividend); <paramref name="b"/> is neither 0 nor -1.</summary>
        public static int Remainder32(int a, int b)
        {
            return a - a / b * b;
        }
    }
}
