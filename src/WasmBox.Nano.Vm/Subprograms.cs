namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// The verifier's sub-program rules, as Linux's check_subprogs and uBPF's verifier apply them.
    /// A sub-program starts at instruction 0 (the main one) or at a local-call target and runs up
    /// to the next start. Each must end in exit or an unconditional jump and every jump inside it
    /// must land inside it, so control never falls from one function into the next and every
    /// local-call target is proven at load to be the entry of a well-formed function. Recursion
    /// stays allowed (bounded at run time by the stack frames, <see cref="VmStatus.CallDepthExceeded"/>).
    /// Runs once per install; allocates.
    /// </summary>
    internal static class Subprograms
    {
        /// <summary>Null when the rules hold, else the first violation with its instruction index.</summary>
        public static VerifyResult Check(byte[] code, int n, bool[] lddwTail)
        {
            bool[] start = new bool[n];
            start[0] = true;
            for (int pc = 0; pc < n; pc++)
            {
                if (lddwTail[pc] || !IsLocalCall(code, pc))
                {
                    continue;
                }
                start[Target(code, pc)] = true;
            }

            // Sub-program index of every instruction.
            int[] owner = new int[n];
            int count = 0;
            for (int pc = 0; pc < n; pc++)
            {
                if (start[pc])
                {
                    count++;
                }
                owner[pc] = count - 1;
            }

            for (int pc = 0; pc < n; pc++)
            {
                bool last = pc == n - 1 || start[pc + 1];
                if (last && !EndsControl(code, pc, lddwTail))
                {
                    return Verifier.Fail(VerifyError.FallsOffEnd, pc, code[pc * 8], pc == n - 1
                        ? "last instruction must be exit or an unconditional jump"
                        : "function ends without exit or an unconditional jump and would fall into the function at " + (pc + 1));
                }
                if (lddwTail[pc] || !IsJump(code, pc))
                {
                    continue;
                }
                int target = Target(code, pc);
                if (owner[target] != owner[pc])
                {
                    return Verifier.Fail(VerifyError.JumpLeavesFunction, pc, code[pc * 8],
                        "jump target " + target + " is outside the function that starts at " + StartOf(start, pc));
                }
            }
            return null;
        }

        private static bool IsLocalCall(byte[] code, int pc)
        {
            return code[pc * 8] == Opcodes.Call && (code[pc * 8 + 1] >> 4) == Opcodes.CallLocal;
        }

        /// <summary>Any jump with a target: ja, ja32 and the conditional jumps (not call or exit).</summary>
        private static bool IsJump(byte[] code, int pc)
        {
            int op = code[pc * 8];
            int cls = op & Opcodes.ClassMask;
            int operation = op & 0xf0;
            return (cls == Opcodes.ClassJmp || cls == Opcodes.ClassJmp32)
                && operation != Opcodes.JmpCall && operation != Opcodes.JmpExit;
        }

        private static bool EndsControl(byte[] code, int pc, bool[] lddwTail)
        {
            int op = code[pc * 8];
            return !lddwTail[pc] && (op == Opcodes.Exit || op == Opcodes.Ja || op == Opcodes.Ja32);
        }

        /// <summary>Absolute target of a jump or local call the verifier already checked: imm for ja32 and calls, else the offset.</summary>
        private static int Target(byte[] code, int pc)
        {
            int at = pc * 8;
            int op = code[at];
            if (op == Opcodes.Ja32 || op == Opcodes.Call)
            {
                return pc + 1 + (int)LittleEndian.ReadUInt32(code, at + 4);
            }
            return pc + 1 + (short)(code[at + 2] | (code[at + 3] << 8));
        }

        private static int StartOf(bool[] start, int pc)
        {
            while (!start[pc])
            {
                pc--;
            }
            return pc;
        }
    }
}
