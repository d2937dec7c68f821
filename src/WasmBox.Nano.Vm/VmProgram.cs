namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// A verified program, pre-decoded into parallel arrays so the interpreter does no bit
    /// twiddling per instruction: jump and call targets are absolute indices, shift immediates
    /// are masked, an LDDW keeps the high half of its constant in its second slot's immediate,
    /// and a few variants that RFC 9669 encodes in the offset field have their own internal
    /// opcode (see <see cref="InternalOpcodes"/>). <see cref="Run"/> holds, per slot, the
    /// instructions left in its straight run, which the interpreter charges to the budget at
    /// once. Only <see cref="Verifier"/> creates one.
    /// </summary>
    public sealed class VmProgram
    {
        internal readonly byte[] Op;
        internal readonly byte[] Dst;
        internal readonly byte[] Src;
        /// <summary>Memory offset, or absolute target index for jumps and local calls.</summary>
        internal readonly int[] Off;
        /// <summary>The 32-bit immediate as the instruction holds it (4 bytes a slot instead of 8: RAM is the scarce thing).</summary>
        internal readonly int[] Imm;
        /// <summary>
        /// Instructions from this slot to the end of its straight run, the jump, call or exit that
        /// ends it included (an LDDW counts once; 0 on an LDDW's second half).
        /// </summary>
        internal readonly short[] Run;

        private readonly int[] _helperIds;

        internal VmProgram(int count, int[] helperIds)
        {
            Op = new byte[count];
            Dst = new byte[count];
            Src = new byte[count];
            Off = new int[count];
            Imm = new int[count];
            Run = new short[count];
            _helperIds = helperIds;
        }

        /// <summary>Most slots a program may have: a straight run's length must fit <see cref="Run"/>.</summary>
        internal const int MaxSlots = short.MaxValue;

        /// <summary>Fills <see cref="Run"/> once every opcode is decoded; control never runs past the last slot (the verifier saw to it).</summary>
        internal void CountRuns()
        {
            int next = 0;
            for (int pc = Op.Length - 1; pc >= 0; pc--)
            {
                int op = Op[pc];
                if (op == 0)
                {
                    continue; // an LDDW's second half: never the start of an instruction
                }
                next = EndsRun(op) ? 1 : next + 1;
                Run[pc] = (short)next;
            }
        }

        /// <summary>Jumps, calls and exit end a straight run: what follows them is charged when control gets there.</summary>
        internal static bool EndsRun(int op)
        {
            int cls = op & Opcodes.ClassMask;
            return cls == Opcodes.ClassJmp || cls == Opcodes.ClassJmp32;
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

        // Ends a run whose budget runs out inside a straight run (jump operation code 0xf0 is unused).
        // It only ever sits in a Vm's own copy of the opcodes, for the length of one run.
        public const int Halt = 0xf5;
    }
}
