namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// Superinstructions: groups of two or three consecutive instructions on one register (or a
    /// register copy and the jump after it)
    /// that the interpreter runs as one, so a board's IL interpreter pays one dispatch, one loop
    /// step and one register write instead of two or three. The groups are the shapes clang -O2
    /// emits again and again (a copy then an operation, 32-bit zero-extension, the branch-free
    /// mask -(x &amp; 1) &amp; y of CRCs and selects, xorshift steps, rotates, multiply-add), each
    /// kept because it paid on nanoCLR (README, "Device speed on nanoCLR").
    /// Only the first slot of a group changes: the others keep their own opcodes, so a jump into
    /// the middle of a group, a run entry there or a budget that ends inside it runs the plain
    /// instructions from that point. None of these instructions can fault, so a fault's
    /// instruction index stays exact. The opcodes reuse class-LD encodings eBPF leaves invalid.
    /// </summary>
    internal static class Superinstructions
    {
        // mov64 d, s then one operation on d (for an X operand: its register is not d).
        public const int MovLshK = 0x40, MovRshK = 0x48, MovAndK = 0x50, MovAddK = 0x58;
        public const int MovAddX = 0x60, MovAndX = 0x68, MovXorX = 0x70, MovOrX = 0x78;
        // d = (u32)s: mov64 d, s; lsh64 d, 32; rsh64 d, 32 (and the same without the mov).
        public const int MovZext = 0x80, Zext = 0x88;
        // d = -(d & K) & y (y a register that is not d, or an immediate); d = -d & s; and a CRC's
        // whole bit step d = (-(d & K) & y) ^ z (z not d either).
        public const int MaskSelectX = 0x90, MaskSelectK = 0x98, NegAndX = 0xa0, MaskSelectXorX = 0xe0;
        // d = (d ^ s) >> K; d = (d << K) | s; d = d * K1 + K2.
        public const int XorRshK = 0xa8, LshOrX = 0xb0, MulAddK = 0xb8;
        // xorshift steps: mov64 d, s; shift d, K; xor64 d, s (s not d).
        public const int MovLshXorSelf = 0xc0, MovRshXorSelf = 0xc8;
        // A loop's back edge: the register copy clang puts right before it, then the jump.
        public const int MovJneK = 0xd0, MovJgtX = 0xd8;

        /// <summary>Instructions (and slots) the opcode covers: 2 to 4 for a superinstruction, else 1.</summary>
        public static int Length(int op)
        {
            switch (op)
            {
                case MaskSelectXorX:
                    return 4;
                case MovZext:
                case MaskSelectX:
                case MaskSelectK:
                case MovLshXorSelf:
                case MovRshXorSelf:
                    return 3;
                case MovLshK:
                case MovRshK:
                case MovAndK:
                case MovAddK:
                case MovAddX:
                case MovAndX:
                case MovXorX:
                case MovOrX:
                case Zext:
                case NegAndX:
                case XorRshK:
                case LshOrX:
                case MulAddK:
                case MovJneK:
                case MovJgtX:
                    return 2;
                default:
                    return 1;
            }
        }

        /// <summary>The opcodes a Vm runs: the program's, with the first slot of every group replaced by its superinstruction.</summary>
        public static byte[] Fuse(VmProgram p)
        {
            int n = p.Count;
            byte[] fused = new byte[n];
            System.Array.Copy(p.Op, fused, n);
            for (int pc = 0; pc < n; pc++)
            {
                int op = Group(p, pc);
                if (op != 0)
                {
                    fused[pc] = (byte)op;
                    pc += Length(op) - 1;
                }
            }
            return fused;
        }

        /// <summary>The superinstruction that starts at <paramref name="pc"/>, or 0; longer groups first.</summary>
        private static int Group(VmProgram p, int pc)
        {
            int d = p.Dst[pc];
            switch (p.Op[pc])
            {
                case Opcodes.Mov64X:
                    int s = p.Src[pc];
                    if (Is(p, pc + 1, Opcodes.Lsh64K, d, 32) && Is(p, pc + 2, Opcodes.Rsh64K, d, 32))
                    {
                        return MovZext;
                    }
                    if (s != d && Reads(p, pc + 2, Opcodes.Xor64X, d, s))
                    {
                        if (On(p, pc + 1, Opcodes.Lsh64K, d))
                        {
                            return MovLshXorSelf;
                        }
                        if (On(p, pc + 1, Opcodes.Rsh64K, d))
                        {
                            return MovRshXorSelf;
                        }
                    }
                    return On(p, pc + 1, Opcodes.Lsh64K, d) ? MovLshK
                        : On(p, pc + 1, Opcodes.Rsh64K, d) ? MovRshK
                        : On(p, pc + 1, Opcodes.And64K, d) ? MovAndK
                        : On(p, pc + 1, Opcodes.Add64K, d) ? MovAddK
                        : Reads(p, pc + 1, Opcodes.Add64X, d, -1) ? MovAddX
                        : Reads(p, pc + 1, Opcodes.And64X, d, -1) ? MovAndX
                        : Reads(p, pc + 1, Opcodes.Xor64X, d, -1) ? MovXorX
                        : Reads(p, pc + 1, Opcodes.Or64X, d, -1) ? MovOrX
                        : Next(p, pc, Opcodes.JneK) ? MovJneK
                        : Next(p, pc, Opcodes.JgtX) ? MovJgtX
                        : 0;
                case Opcodes.Lsh64K:
                    if (p.Imm[pc] == 32 && Is(p, pc + 1, Opcodes.Rsh64K, d, 32))
                    {
                        return Zext;
                    }
                    return Reads(p, pc + 1, Opcodes.Or64X, d, -1) ? LshOrX : 0;
                case Opcodes.And64K:
                    if (!On(p, pc + 1, Opcodes.Neg64, d))
                    {
                        return 0;
                    }
                    if (Reads(p, pc + 2, Opcodes.And64X, d, -1))
                    {
                        return Reads(p, pc + 3, Opcodes.Xor64X, d, -1) ? MaskSelectXorX : MaskSelectX;
                    }
                    return On(p, pc + 2, Opcodes.And64K, d) ? MaskSelectK
                        : 0;
                case Opcodes.Neg64:
                    return Reads(p, pc + 1, Opcodes.And64X, d, -1) ? NegAndX : 0;
                case Opcodes.Xor64X:
                    return On(p, pc + 1, Opcodes.Rsh64K, d) ? XorRshK : 0;
                case Opcodes.Mul64K:
                    return On(p, pc + 1, Opcodes.Add64K, d) ? MulAddK : 0;
                default:
                    return 0;
            }
        }

        /// <summary>Slot <paramref name="pc"/> holds <paramref name="op"/> on register <paramref name="d"/>.</summary>
        private static bool On(VmProgram p, int pc, int op, int d)
        {
            return pc < p.Count && p.Op[pc] == op && p.Dst[pc] == d;
        }

        /// <summary>The slot after <paramref name="pc"/> holds <paramref name="op"/>, whatever its registers.</summary>
        private static bool Next(VmProgram p, int pc, int op)
        {
            return pc + 1 < p.Count && p.Op[pc + 1] == op;
        }

        private static bool Is(VmProgram p, int pc, int op, int d, int imm)
        {
            return On(p, pc, op, d) && p.Imm[pc] == imm;
        }

        /// <summary>
        /// An X-operand operation on d whose source is not d (inside a group d already holds a new
        /// value) and, when <paramref name="src"/> is not -1, is that register.
        /// </summary>
        private static bool Reads(VmProgram p, int pc, int op, int d, int src)
        {
            return On(p, pc, op, d) && p.Src[pc] != d && (src < 0 || p.Src[pc] == src);
        }
    }
}
