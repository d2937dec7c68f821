namespace WasmBox.Nano.Vm
{
    /// <summary>Limits and the helper environment a program is verified against.</summary>
    public sealed class VerifierOptions
    {
        /// <summary>Default cap on instruction slots (32 KB of bytecode).</summary>
        public const int DefaultMaxInstructions = 4096;

        private int _maxInstructions = DefaultMaxInstructions;

        /// <summary>Most 8-byte slots a program may have.</summary>
        public int MaxInstructions
        {
            get { return _maxInstructions; }
            set
            {
                if (value < 1)
                {
                    throw new System.ArgumentOutOfRangeException("value");
                }
                _maxInstructions = value;
            }
        }

        /// <summary>Helpers that exist; a call to any other id is refused. Null: none exist.</summary>
        public HelperTable Helpers;

        /// <summary>Helpers the tenant is granted. Null: every helper in <see cref="Helpers"/>.</summary>
        public HelperGrant Grant;
    }

    /// <summary>
    /// Pre-flight verifier, run once at install and never on the hot path. It accepts a program
    /// only when every instruction is a whitelisted RFC 9669 encoding with sane fields and control
    /// can never leave the program, then decodes it for the interpreter. Checks: length a
    /// multiple of 8 and within the size limit; opcode whitelist per class with reserved fields
    /// zero; registers at most r10 and r10 never written; well-formed LDDW pairs; jump and
    /// local-call targets inside the program and never into an LDDW's second half; helper ids
    /// known and granted; and, per sub-program (<see cref="Subprograms"/>), every jump stays
    /// inside it and it ends in exit or an unconditional jump.
    /// </summary>
    public static class Verifier
    {
        public static VerifyResult Verify(byte[] code, VerifierOptions options)
        {
            if (options == null)
            {
                options = new VerifierOptions();
            }
            if (code == null || code.Length == 0)
            {
                return new VerifyResult(VerifyError.Empty, -1, -1, "program is empty");
            }
            if (code.Length % Opcodes.InstructionSize != 0)
            {
                return new VerifyResult(VerifyError.LengthNotMultipleOf8, -1, -1,
                    "program length " + code.Length + " is not a multiple of 8");
            }
            int n = code.Length / Opcodes.InstructionSize;
            if (n > options.MaxInstructions || n > VmProgram.MaxSlots)
            {
                return new VerifyResult(VerifyError.TooLarge, -1, -1,
                    "program has " + n + " instructions, the limit is " + (n > options.MaxInstructions ? options.MaxInstructions : VmProgram.MaxSlots));
            }

            // Pass 1: which slots are LDDW second halves (jumps may not land there).
            bool[] lddwTail = new bool[n];
            for (int pc = 0; pc < n; pc++)
            {
                if (code[pc * 8] == Opcodes.Lddw)
                {
                    if (pc + 1 >= n)
                    {
                        return Fail(VerifyError.IncompleteLddw, pc, Opcodes.Lddw, "lddw has no second half");
                    }
                    lddwTail[pc + 1] = true;
                    pc++;
                }
            }

            int[] helperIds = new int[8];
            int helperCount = 0;
            VmProgram program = null;
            for (int pass = 0; pass < 2; pass++)
            {
                // The first pass only checks; the second fills the program it now knows is valid.
                for (int pc = 0; pc < n; pc++)
                {
                    int at = pc * 8;
                    int op = code[at];
                    int dst = code[at + 1] & 0x0f;
                    int src = code[at + 1] >> 4;
                    int off = (short)(code[at + 2] | (code[at + 3] << 8));
                    int imm = (int)LittleEndian.ReadUInt32(code, at + 4);
                    int decodedOp = op;
                    int decodedOff = off;
                    long decodedImm = (long)Signed.Extend32((uint)imm);
                    VerifyResult error = null;

                    switch (op & Opcodes.ClassMask)
                    {
                        case Opcodes.ClassLd:
                            error = CheckLddw(code, pc, op, dst, src, off);
                            if (error == null)
                            {
                                decodedImm = (long)(((ulong)(uint)imm & 0xFFFFFFFFUL) | ((ulong)LittleEndian.ReadUInt32(code, at + 12) << 32));
                            }
                            break;
                        case Opcodes.ClassLdx:
                            error = CheckLoad(pc, op, dst, src, imm);
                            break;
                        case Opcodes.ClassSt:
                            error = CheckStore(pc, op, dst, src, false, imm);
                            break;
                        case Opcodes.ClassStx:
                            error = CheckStore(pc, op, dst, src, true, imm);
                            break;
                        case Opcodes.ClassAlu:
                        case Opcodes.ClassAlu64:
                            error = CheckAlu(pc, op, dst, src, off, imm);
                            if (error == null)
                            {
                                decodedOp = DecodeAluOpcode(op, off);
                                decodedImm = DecodeAluImmediate(op, imm);
                            }
                            break;
                        default:
                            error = CheckJump(pc, n, lddwTail, op, dst, src, off, imm, options);
                            if (error == null)
                            {
                                DecodeJump(pc, op, src, off, imm, out decodedOp, out decodedOff);
                                if (op == Opcodes.Call && src == Opcodes.CallHelper && pass == 0)
                                {
                                    helperIds = AddDistinct(helperIds, ref helperCount, imm);
                                }
                            }
                            break;
                    }
                    if (error != null)
                    {
                        return error;
                    }
                    if (program != null)
                    {
                        program.Op[pc] = (byte)decodedOp;
                        program.Dst[pc] = (byte)dst;
                        program.Src[pc] = (byte)src;
                        program.Off[pc] = decodedOff;
                        program.Imm[pc] = (int)decodedImm;
                    }
                    if (op == Opcodes.Lddw)
                    {
                        pc++;
                        if (program != null)
                        {
                            program.Imm[pc] = (int)(decodedImm >> 32);
                        }
                    }
                }
                if (pass == 0)
                {
                    VerifyResult end = Subprograms.Check(code, n, lddwTail);
                    if (end != null)
                    {
                        return end;
                    }
                    int[] ids = new int[helperCount];
                    System.Array.Copy(helperIds, ids, helperCount);
                    program = new VmProgram(n, ids);
                }
            }
            program.CountRuns();
            return new VerifyResult(program);
        }

        internal static VerifyResult Fail(VerifyError error, int pc, int op, string reason)
        {
            return new VerifyResult(error, pc, op, reason);
        }

        private static VerifyResult CheckLddw(byte[] code, int pc, int op, int dst, int src, int off)
        {
            if (op != Opcodes.Lddw)
            {
                return Fail(VerifyError.UnknownOpcode, pc, op, "unknown or legacy load opcode");
            }
            if (src != 0)
            {
                return Fail(VerifyError.UnsupportedLddwSource, pc, op,
                    "lddw with src " + src + " (map or pseudo load) is not supported");
            }
            if (off != 0)
            {
                return Fail(VerifyError.ReservedFieldNotZero, pc, op, "lddw offset must be 0");
            }
            VerifyResult error = CheckWritable(pc, op, dst);
            if (error != null)
            {
                return error;
            }
            int tail = (pc + 1) * 8;
            if (code[tail] != 0 || code[tail + 1] != 0 || code[tail + 2] != 0 || code[tail + 3] != 0)
            {
                return Fail(VerifyError.IncompleteLddw, pc + 1, code[tail],
                    "second half of lddw must have opcode, registers and offset 0");
            }
            return null;
        }

        private static VerifyResult CheckLoad(int pc, int op, int dst, int src, int imm)
        {
            int mode = op & Opcodes.ModeMask;
            bool signExtending = mode == Opcodes.ModeMemSx;
            if (!(mode == Opcodes.ModeMem || (signExtending && (op & Opcodes.SizeMask) != Opcodes.SizeDw)))
            {
                return Fail(VerifyError.UnknownOpcode, pc, op, "unknown load opcode");
            }
            if (imm != 0)
            {
                return Fail(VerifyError.ReservedFieldNotZero, pc, op, "load immediate must be 0");
            }
            VerifyResult error = CheckWritable(pc, op, dst);
            return error != null ? error : CheckReadable(pc, op, src, "src");
        }

        private static VerifyResult CheckStore(int pc, int op, int dst, int src, bool fromRegister, int imm)
        {
            if ((op & Opcodes.ModeMask) != Opcodes.ModeMem)
            {
                return Fail(VerifyError.UnknownOpcode, pc, op,
                    fromRegister ? "unknown store opcode (atomics are not supported)" : "unknown store opcode");
            }
            if (fromRegister ? imm != 0 : src != 0)
            {
                return Fail(VerifyError.ReservedFieldNotZero, pc, op,
                    fromRegister ? "stx immediate must be 0" : "st source register must be 0");
            }
            VerifyResult error = CheckReadable(pc, op, dst, "dst");
            return error != null || !fromRegister ? error : CheckReadable(pc, op, src, "src");
        }

        private static VerifyResult CheckAlu(int pc, int op, int dst, int src, int off, int imm)
        {
            int code = op & 0xf0;
            bool is64 = (op & Opcodes.ClassMask) == Opcodes.ClassAlu64;
            bool fromRegister = (op & Opcodes.SourceX) != 0;
            if (code > Opcodes.AluEnd)
            {
                return Fail(VerifyError.UnknownOpcode, pc, op, "unknown ALU operation");
            }
            VerifyResult error = CheckWritable(pc, op, dst);
            if (error != null)
            {
                return error;
            }
            if (code == Opcodes.AluEnd)
            {
                if (is64 && fromRegister)
                {
                    return Fail(VerifyError.UnknownOpcode, pc, op, "unknown byte swap opcode");
                }
                if (src != 0 || off != 0)
                {
                    return Fail(VerifyError.ReservedFieldNotZero, pc, op, "byte swap src and offset must be 0");
                }
                if (imm != 16 && imm != 32 && imm != 64)
                {
                    return Fail(VerifyError.BadByteSwapWidth, pc, op, "byte swap width " + imm + " is not 16, 32 or 64");
                }
                return null;
            }
            if (code == Opcodes.AluNeg)
            {
                if (fromRegister)
                {
                    return Fail(VerifyError.UnknownOpcode, pc, op, "neg has no register form");
                }
                return src != 0 || off != 0 || imm != 0
                    ? Fail(VerifyError.ReservedFieldNotZero, pc, op, "neg src, offset and immediate must be 0")
                    : null;
            }
            if (fromRegister)
            {
                if (imm != 0)
                {
                    return Fail(VerifyError.ReservedFieldNotZero, pc, op, "immediate must be 0 with a register source");
                }
                error = CheckReadable(pc, op, src, "src");
                if (error != null)
                {
                    return error;
                }
            }
            else if (src != 0)
            {
                return Fail(VerifyError.ReservedFieldNotZero, pc, op, "source register must be 0 with an immediate");
            }
            if (off == 0)
            {
                return null;
            }
            if ((code == Opcodes.AluDiv || code == Opcodes.AluMod) && off == 1)
            {
                return null;
            }
            if (code == Opcodes.AluMov && fromRegister && (off == 8 || off == 16 || (is64 && off == 32)))
            {
                return null;
            }
            return Fail(VerifyError.BadOffsetVariant, pc, op, "offset " + off + " is not valid for this operation");
        }

        private static VerifyResult CheckJump(int pc, int n, bool[] lddwTail, int op, int dst, int src, int off,
            int imm, VerifierOptions options)
        {
            int code = op & 0xf0;
            bool is32 = (op & Opcodes.ClassMask) == Opcodes.ClassJmp32;
            bool fromRegister = (op & Opcodes.SourceX) != 0;
            if (code == Opcodes.JmpJa)
            {
                if (fromRegister)
                {
                    return Fail(VerifyError.UnknownOpcode, pc, op, "ja has no register form");
                }
                if (src != 0 || dst != 0 || (is32 ? off != 0 : imm != 0))
                {
                    return Fail(VerifyError.ReservedFieldNotZero, pc, op, "ja fields other than its offset must be 0");
                }
                return CheckTarget(pc, n, lddwTail, op, pc + 1 + (is32 ? imm : off));
            }
            if (code == Opcodes.JmpExit)
            {
                if (is32 || fromRegister)
                {
                    return Fail(VerifyError.UnknownOpcode, pc, op, "unknown exit opcode");
                }
                return src != 0 || dst != 0 || off != 0 || imm != 0
                    ? Fail(VerifyError.ReservedFieldNotZero, pc, op, "exit fields must be 0")
                    : null;
            }
            if (code == Opcodes.JmpCall)
            {
                if (is32 || fromRegister)
                {
                    return Fail(VerifyError.UnknownOpcode, pc, op, "unknown call opcode (callx is not supported)");
                }
                if (dst != 0 || off != 0)
                {
                    return Fail(VerifyError.ReservedFieldNotZero, pc, op, "call dst and offset must be 0");
                }
                if (src == Opcodes.CallLocal)
                {
                    VerifyResult error = CheckTarget(pc, n, lddwTail, op, pc + 1 + imm);
                    return error == null ? null
                        : Fail(VerifyError.BadCallTarget, pc, op, "local call target " + (pc + 1 + imm) + " is not an instruction");
                }
                if (src != Opcodes.CallHelper)
                {
                    return Fail(VerifyError.UnknownOpcode, pc, op, "call with src " + src + " is not supported");
                }
                if (options.Helpers == null || !options.Helpers.Contains(imm))
                {
                    return Fail(VerifyError.UnknownHelper, pc, op, "unknown helper " + imm);
                }
                if (options.Grant != null && !options.Grant.IsGranted(imm))
                {
                    return Fail(VerifyError.HelperNotGranted, pc, op, "helper " + imm + " is not granted");
                }
                return null;
            }
            if (code > Opcodes.JmpJsle)
            {
                return Fail(VerifyError.UnknownOpcode, pc, op, "unknown jump operation");
            }
            VerifyResult regError = CheckReadable(pc, op, dst, "dst");
            if (regError != null)
            {
                return regError;
            }
            if (fromRegister)
            {
                if (imm != 0)
                {
                    return Fail(VerifyError.ReservedFieldNotZero, pc, op, "immediate must be 0 with a register source");
                }
                regError = CheckReadable(pc, op, src, "src");
                if (regError != null)
                {
                    return regError;
                }
            }
            else if (src != 0)
            {
                return Fail(VerifyError.ReservedFieldNotZero, pc, op, "source register must be 0 with an immediate");
            }
            return CheckTarget(pc, n, lddwTail, op, pc + 1 + off);
        }

        private static VerifyResult CheckTarget(int pc, int n, bool[] lddwTail, int op, int target)
        {
            if (target < 0 || target >= n)
            {
                return Fail(VerifyError.JumpOutOfRange, pc, op, "jump target " + target + " is outside the program");
            }
            if (lddwTail[target])
            {
                return Fail(VerifyError.JumpIntoLddw, pc, op, "jump target " + target + " is the second half of an lddw");
            }
            return null;
        }

        private static VerifyResult CheckWritable(int pc, int op, int register)
        {
            if (register == 10)
            {
                return Fail(VerifyError.WritesFrameRegister, pc, op, "writes r10, the read-only frame pointer");
            }
            return CheckReadable(pc, op, register, "dst");
        }

        private static VerifyResult CheckReadable(int pc, int op, int register, string field)
        {
            return register > 10
                ? Fail(VerifyError.BadRegister, pc, op, field + " register r" + register + " does not exist")
                : null;
        }

        private static int DecodeAluOpcode(int op, int off)
        {
            bool is64 = (op & Opcodes.ClassMask) == Opcodes.ClassAlu64;
            int code = op & 0xf0;
            bool fromRegister = (op & Opcodes.SourceX) != 0;
            if (off == 1 && code == Opcodes.AluDiv)
            {
                return is64 ? (fromRegister ? InternalOpcodes.SDiv64X : InternalOpcodes.SDiv64K)
                            : (fromRegister ? InternalOpcodes.SDiv32X : InternalOpcodes.SDiv32K);
            }
            if (off == 1 && code == Opcodes.AluMod)
            {
                return is64 ? (fromRegister ? InternalOpcodes.SMod64X : InternalOpcodes.SMod64K)
                            : (fromRegister ? InternalOpcodes.SMod32X : InternalOpcodes.SMod32K);
            }
            if (code == Opcodes.AluMov && off != 0)
            {
                if (off == 8)
                {
                    return is64 ? InternalOpcodes.MovSx64From8 : InternalOpcodes.MovSx32From8;
                }
                if (off == 16)
                {
                    return is64 ? InternalOpcodes.MovSx64From16 : InternalOpcodes.MovSx32From16;
                }
                return InternalOpcodes.MovSx64From32;
            }
            return op;
        }

        private static long DecodeAluImmediate(int op, int imm)
        {
            int code = op & 0xf0;
            bool shift = code == Opcodes.AluLsh || code == Opcodes.AluRsh || code == Opcodes.AluArsh;
            if (shift && (op & Opcodes.SourceX) == 0)
            {
                // Shift counts are masked to the operand width (RFC 9669); do it once here.
                return imm & ((op & Opcodes.ClassMask) == Opcodes.ClassAlu64 ? 63 : 31);
            }
            return (long)Signed.Extend32((uint)imm);
        }

        private static void DecodeJump(int pc, int op, int src, int off, int imm, out int decodedOp, out int target)
        {
            decodedOp = op;
            target = pc + 1 + off;
            if (op == Opcodes.Ja32)
            {
                decodedOp = Opcodes.Ja;
                target = pc + 1 + imm;
            }
            else if (op == Opcodes.Call)
            {
                target = 0;
                if (src == Opcodes.CallLocal)
                {
                    decodedOp = InternalOpcodes.CallLocal;
                    target = pc + 1 + imm;
                }
            }
            else if (op == Opcodes.Exit)
            {
                target = 0;
            }
        }

        private static int[] AddDistinct(int[] ids, ref int count, int id)
        {
            for (int i = 0; i < count; i++)
            {
                if (ids[i] == id)
                {
                    return ids;
                }
            }
            if (count == ids.Length)
            {
                int[] grown = new int[ids.Length * 2];
                System.Array.Copy(ids, grown, count);
                ids = grown;
            }
            ids[count++] = id;
            return ids;
        }
    }
}
