namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// A verified program, pre-decoded into parallel arrays so the interpreter does no bit
    /// twiddling per instruction: jump and call targets are absolute indices, immediates are
    /// already sign-extended (LDDW's holds all 64 bits), shift immediates are masked, and a
    /// few variants that RFC 9669 encodes in the offset field have their own internal opcode
    /// (see <see cref="InternalOpcodes"/>). Only <see cref="Verifier"/> creates one.
    /// </summary>
    public sealed class VmProgram
    {
        internal readonly byte[] Op;
        internal readonly byte[] Dst;
        internal readonly byte[] Src;
        /// <summary>Memory offset, or absolute target index for jumps and local calls.</summary>
        internal readonly int[] Off;
        internal readonly long[] Imm;

        private readonly int[] _helperIds;

        internal VmProgram(int count, int[] helperIds)
        {
            Op = new byte[count];
            Dst = new byte[count];
            Src = new byte[count];
            Off = new int[count];
            Imm = new long[count];
            _helperIds = helperIds;
        }

        /// <summary>Number of 8-byte instruction slots (an LDDW takes two).</summary>
        public int Count { get { return Op.Length; } }

        /// <summary>
        /// True when a run may start at <paramref name="index"/>: an instruction of the program
        /// and not the second half of an LDDW (whose decoded opcode stays 0, never a valid one).
        /// </summary>
        public bool IsEntryPoint(int index)
        {
            return index >= 0 && index < Op.Length && Op[index] != 0;
        }

        /// <summary>Distinct helper ids the program calls, in order of first use.</summary>
        public int[] HelperIds
        {
            get
            {
                int[] copy = new int[_helperIds.Length];
                System.Array.Copy(_helperIds, copy, copy.Length);
                return copy;
            }
        }
    }

    /// <summary>
    /// Opcode values the decoder gives to variants RFC 9669 encodes in other fields. They
    /// reuse encodings that are invalid in eBPF, so they can never come from a program.
    /// </summary>
    internal static class InternalOpcodes
    {
        // Signed division and modulo (offset = 1): ALU operation codes 0xe0 and 0xf0 are unused.
        public const int SDiv32K = 0xe4, SDiv32X = 0xec, SMod32K = 0xf4, SMod32X = 0xfc;
        public const int SDiv64K = 0xe7, SDiv64X = 0xef, SMod64K = 0xf7, SMod64X = 0xff;

        // Sign-extending moves (offset = 8/16/32): class LD holds nothing but LDDW.
        public const int MovSx32From8 = 0x08, MovSx32From16 = 0x10;
        public const int MovSx64From8 = 0x20, MovSx64From16 = 0x28, MovSx64From32 = 0x30;

        // Local call (CALL with src = 1): jump operation code 0xe0 is unused.
        public const int CallLocal = 0xe5;
    }
}
