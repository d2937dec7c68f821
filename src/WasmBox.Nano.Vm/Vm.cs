namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// The interpreter: one verified program, its registers, its stack and its address space.
    /// <see cref="Run(ulong, ulong)"/> executes the program once under the instruction and
    /// taken-branch budgets and reports how it ended; it allocates nothing and never throws.
    /// A Vm is not thread-safe: one thread runs it at a time (one per container).
    /// </summary>
    public sealed class Vm
    {
        /// <summary>Bytes of stack each frame gets (design page: 512 B, grows down).</summary>
        public const int StackFrameSize = 512;

        public const int DefaultStackFrames = 4;
        public const int DefaultInstructionBudget = 1000000;
        public const int DefaultBranchBudget = 100000;

        private const int SavedPerFrame = 5; // r6..r9 and r10

        private readonly VmProgram _program;
        private readonly HelperTable _helpers;
        private readonly HelperGrant _grant;
        private readonly VmMemory _memory = new VmMemory();
        private readonly byte[] _stack;
        private readonly ulong _stackTop;
        private readonly int _maxDepth;
        private readonly ulong[] _reg = new ulong[11];
        private readonly ulong[] _saved;
        private readonly int[] _returnTo;

        private int _instructionBudget = DefaultInstructionBudget;
        private int _branchBudget = DefaultBranchBudget;
        private bool _exitRequested;
        // Fuel left when the current helper was called, and what the helper charged for time it spent.
        private int _fuelAtCall;
        private int _charged;

        private VmStatus _status;
        private ulong _result;
        private int _faultIndex = -1;
        private ulong _faultAddress;
        private int _instructionCount;
        private int _branchCount;

        /// <summary>
        /// A VM for <paramref name="program"/> with a stack of <paramref name="stackFrames"/>
        /// frames of 512 bytes (the top-level function plus stackFrames - 1 nested local calls)
        /// mapped read-write at <see cref="MemoryRegion.StackBase"/>.
        /// </summary>
        public Vm(VmProgram program, HelperTable helpers, HelperGrant grant, int stackFrames)
        {
            if (program == null)
            {
                throw new System.ArgumentNullException("program");
            }
            if (stackFrames < 1 || stackFrames > 64)
            {
                throw new System.ArgumentOutOfRangeException("stackFrames");
            }
            _program = program;
            _helpers = helpers == null ? new HelperTable() : helpers;
            _grant = grant;
            _maxDepth = stackFrames - 1;
            _stack = new byte[stackFrames * StackFrameSize];
            _stackTop = MemoryRegion.StackBase + (ulong)_stack.Length;
            _saved = new ulong[_maxDepth * SavedPerFrame];
            _returnTo = new int[_maxDepth];
            _memory.Map(new MemoryRegion(MemoryRegion.StackBase, _stack, true, true));
        }

        /// <summary>The address space; map context, data and helper regions here before running.</summary>
        public VmMemory Memory { get { return _memory; } }

        public VmProgram Program { get { return _program; } }

        /// <summary>Most instructions one run may execute.</summary>
        public int InstructionBudget
        {
            get { return _instructionBudget; }
            set { _instructionBudget = value < 1 ? 1 : value; }
        }

        /// <summary>Most taken jumps and local calls one run may make.</summary>
        public int BranchBudget
        {
            get { return _branchBudget; }
            set { _branchBudget = value < 0 ? 0 : value; }
        }

        /// <summary>How the last run ended.</summary>
        public VmStatus Status { get { return _status; } }

        /// <summary>r0 at exit of the last run (0 after a fault).</summary>
        public ulong Result { get { return _result; } }

        /// <summary>Index of the instruction that faulted, or -1.</summary>
        public int FaultIndex { get { return _faultIndex; } }

        /// <summary>The address a memory fault tried to access.</summary>
        public ulong FaultAddress { get { return _faultAddress; } }

        /// <summary>Instructions the last run executed (an LDDW counts once).</summary>
        public int InstructionCount { get { return _instructionCount; } }

        /// <summary>Taken jumps and local calls of the last run.</summary>
        public int BranchCount { get { return _branchCount; } }

        /// <summary>Instructions the running program may still execute; valid inside a helper call.</summary>
        public int RemainingInstructions { get { return _fuelAtCall - _charged; } }

        /// <summary>
        /// Lets a helper bill the run for time it spent (a bus transfer, a wait) in instructions:
        /// the budget pays for it as for the program's own work, so the run ends once it is spent.
        /// </summary>
        public void Charge(int instructions)
        {
            // Never more than ends the run: the sum cannot overflow.
            int room = _fuelAtCall + 1 - _charged;
            if (instructions > 0)
            {
                _charged += instructions < room ? instructions : room;
            }
        }

        /// <summary>Lets a helper end the run normally once it returns; r0 is its result.</summary>
        public void RequestExit()
        {
            _exitRequested = true;
        }

        /// <summary>Runs the program with r1 = <paramref name="r1"/> (usually the context address).</summary>
        public VmStatus Run(ulong r1)
        {
            return Run(r1, 0);
        }

        /// <summary>Runs the program from instruction 0 with r1 and r2 set.</summary>
        public VmStatus Run(ulong r1, ulong r2)
        {
            return RunAt(0, r1, r2);
        }

        /// <summary>
        /// Runs the program from instruction <paramref name="entry"/> (an image's entry point) with
        /// r1 and r2 set, every other register 0 and r10 at the stack top. An entry that is not
        /// <see cref="VmProgram.IsEntryPoint"/> ends the run at once with InvalidInstruction.
        /// </summary>
        public VmStatus RunAt(int entry, ulong r1, ulong r2)
        {
            ulong[] r = _reg;
            for (int i = 0; i < 10; i++)
            {
                r[i] = 0;
            }
            r[1] = r1;
            r[2] = r2;
            r[10] = _stackTop;
            // A fresh stack every run: nothing leaks from one event to the next.
            System.Array.Clear(_stack, 0, _stack.Length);
            _exitRequested = false;
            _faultAddress = 0;
            _result = 0;
            _faultIndex = -1;

            VmProgram p = _program;
            byte[] ops = p.Op;
            byte[] ds = p.Dst;
            byte[] ss = p.Src;
            int[] offs = p.Off;
            long[] imms = p.Imm;
            VmMemory mem = _memory;
            int fuel = _instructionBudget;
            int branches = _branchBudget;
            int depth = 0;
            int pc = entry;
            int at = 0;
            int size = 0;
            ulong addr = 0;
            ulong rel;
            ulong value;
            // The regions the last read and the last write hit, in locals (rdLen/wrLen 0: none yet).
            ulong rdStart = 0, rdLen = 0, wrStart = 0, wrLen = 0;
            byte[] rdData = null, wrData = null;
            int rdOff = 0, wrOff = 0;
            MemoryRegion hit;
            VmStatus status;
            if (!p.IsEntryPoint(entry))
            {
                status = VmStatus.InvalidInstruction;
                goto Done;
            }

            while (true)
            {
                if (--fuel < 0)
                {
                    status = VmStatus.InstructionBudgetExhausted;
                    goto Done;
                }
                switch (ops[pc])
                {
                    // ---- 64-bit ALU ----
                    case Opcodes.Add64K: r[ds[pc]] += (ulong)imms[pc]; break;
                    case Opcodes.Add64X: r[ds[pc]] += r[ss[pc]]; break;
                    case Opcodes.Sub64K: r[ds[pc]] -= (ulong)imms[pc]; break;
                    case Opcodes.Sub64X: r[ds[pc]] -= r[ss[pc]]; break;
                    case Opcodes.Mul64K: r[ds[pc]] *= (ulong)imms[pc]; break;
                    case Opcodes.Mul64X: r[ds[pc]] *= r[ss[pc]]; break;
                    case Opcodes.Div64K: r[ds[pc]] = UDiv64(r[ds[pc]], (ulong)imms[pc]); break;
                    case Opcodes.Div64X: r[ds[pc]] = UDiv64(r[ds[pc]], r[ss[pc]]); break;
                    case Opcodes.Mod64K: r[ds[pc]] = UMod64(r[ds[pc]], (ulong)imms[pc]); break;
                    case Opcodes.Mod64X: r[ds[pc]] = UMod64(r[ds[pc]], r[ss[pc]]); break;
                    case InternalOpcodes.SDiv64K: r[ds[pc]] = (ulong)SDiv64((long)r[ds[pc]], imms[pc]); break;
                    case InternalOpcodes.SDiv64X: r[ds[pc]] = (ulong)SDiv64((long)r[ds[pc]], (long)r[ss[pc]]); break;
                    case InternalOpcodes.SMod64K: r[ds[pc]] = (ulong)SMod64((long)r[ds[pc]], imms[pc]); break;
                    case InternalOpcodes.SMod64X: r[ds[pc]] = (ulong)SMod64((long)r[ds[pc]], (long)r[ss[pc]]); break;
                    case Opcodes.Or64K: r[ds[pc]] |= (ulong)imms[pc]; break;
                    case Opcodes.Or64X: r[ds[pc]] |= r[ss[pc]]; break;
                    case Opcodes.And64K: r[ds[pc]] &= (ulong)imms[pc]; break;
                    case Opcodes.And64X: r[ds[pc]] &= r[ss[pc]]; break;
                    case Opcodes.Xor64K: r[ds[pc]] ^= (ulong)imms[pc]; break;
                    case Opcodes.Xor64X: r[ds[pc]] ^= r[ss[pc]]; break;
                    case Opcodes.Lsh64K: r[ds[pc]] <<= (int)imms[pc]; break;
                    case Opcodes.Lsh64X: r[ds[pc]] <<= (int)(r[ss[pc]] & 63); break;
                    case Opcodes.Rsh64K: r[ds[pc]] >>= (int)imms[pc]; break;
                    case Opcodes.Rsh64X: r[ds[pc]] >>= (int)(r[ss[pc]] & 63); break;
                    case Opcodes.Arsh64K: r[ds[pc]] = Signed.ShiftRight64(r[ds[pc]], (int)imms[pc]); break;
                    case Opcodes.Arsh64X: r[ds[pc]] = Signed.ShiftRight64(r[ds[pc]], (int)(r[ss[pc]] & 63)); break;
                    case Opcodes.Neg64: r[ds[pc]] = (ulong)(-(long)r[ds[pc]]); break;
                    case Opcodes.Mov64K: r[ds[pc]] = (ulong)imms[pc]; break;
                    case Opcodes.Mov64X: r[ds[pc]] = r[ss[pc]]; break;
                    case InternalOpcodes.MovSx64From8: r[ds[pc]] = Signed.Extend8(r[ss[pc]]); break;
                    case InternalOpcodes.MovSx64From16: r[ds[pc]] = Signed.Extend16(r[ss[pc]]); break;
                    case InternalOpcodes.MovSx64From32: r[ds[pc]] = Signed.Extend32(r[ss[pc]]); break;
                    case Opcodes.Bswap: r[ds[pc]] = Swap(r[ds[pc]], (int)imms[pc]); break;

                    // ---- 32-bit ALU: operate on the low halves, zero-extend the result ----
                    case Opcodes.Add32K: r[ds[pc]] = (uint)((uint)r[ds[pc]] + (uint)imms[pc]); break;
                    case Opcodes.Add32X: r[ds[pc]] = (uint)((uint)r[ds[pc]] + (uint)r[ss[pc]]); break;
                    case Opcodes.Sub32K: r[ds[pc]] = (uint)((uint)r[ds[pc]] - (uint)imms[pc]); break;
                    case Opcodes.Sub32X: r[ds[pc]] = (uint)((uint)r[ds[pc]] - (uint)r[ss[pc]]); break;
                    case Opcodes.Mul32K: r[ds[pc]] = (uint)((uint)r[ds[pc]] * (uint)imms[pc]); break;
                    case Opcodes.Mul32X: r[ds[pc]] = (uint)((uint)r[ds[pc]] * (uint)r[ss[pc]]); break;
                    case Opcodes.Div32K: r[ds[pc]] = UDiv32((uint)r[ds[pc]], (uint)imms[pc]); break;
                    case Opcodes.Div32X: r[ds[pc]] = UDiv32((uint)r[ds[pc]], (uint)r[ss[pc]]); break;
                    case Opcodes.Mod32K: r[ds[pc]] = UMod32((uint)r[ds[pc]], (uint)imms[pc]); break;
                    case Opcodes.Mod32X: r[ds[pc]] = UMod32((uint)r[ds[pc]], (uint)r[ss[pc]]); break;
                    case InternalOpcodes.SDiv32K: r[ds[pc]] = (uint)SDiv32((int)r[ds[pc]], (int)imms[pc]); break;
                    case InternalOpcodes.SDiv32X: r[ds[pc]] = (uint)SDiv32((int)r[ds[pc]], (int)r[ss[pc]]); break;
                    case InternalOpcodes.SMod32K: r[ds[pc]] = (uint)SMod32((int)r[ds[pc]], (int)imms[pc]); break;
                    case InternalOpcodes.SMod32X: r[ds[pc]] = (uint)SMod32((int)r[ds[pc]], (int)r[ss[pc]]); break;
                    case Opcodes.Or32K: r[ds[pc]] = (uint)r[ds[pc]] | (uint)imms[pc]; break;
                    case Opcodes.Or32X: r[ds[pc]] = (uint)r[ds[pc]] | (uint)r[ss[pc]]; break;
                    case Opcodes.And32K: r[ds[pc]] = (uint)r[ds[pc]] & (uint)imms[pc]; break;
                    case Opcodes.And32X: r[ds[pc]] = (uint)r[ds[pc]] & (uint)r[ss[pc]]; break;
                    case Opcodes.Xor32K: r[ds[pc]] = (uint)r[ds[pc]] ^ (uint)imms[pc]; break;
                    case Opcodes.Xor32X: r[ds[pc]] = (uint)r[ds[pc]] ^ (uint)r[ss[pc]]; break;
                    case Opcodes.Lsh32K: r[ds[pc]] = (uint)r[ds[pc]] << (int)imms[pc]; break;
                    case Opcodes.Lsh32X: r[ds[pc]] = (uint)r[ds[pc]] << (int)(r[ss[pc]] & 31); break;
                    case Opcodes.Rsh32K: r[ds[pc]] = (uint)r[ds[pc]] >> (int)imms[pc]; break;
                    case Opcodes.Rsh32X: r[ds[pc]] = (uint)r[ds[pc]] >> (int)(r[ss[pc]] & 31); break;
                    case Opcodes.Arsh32K: r[ds[pc]] = Signed.ShiftRight32((uint)r[ds[pc]], (int)imms[pc]); break;
                    case Opcodes.Arsh32X: r[ds[pc]] = Signed.ShiftRight32((uint)r[ds[pc]], (int)(r[ss[pc]] & 31)); break;
                    case Opcodes.Neg32: r[ds[pc]] = (uint)(-(int)r[ds[pc]]); break;
                    case Opcodes.Mov32K: r[ds[pc]] = (uint)imms[pc]; break;
                    case Opcodes.Mov32X: r[ds[pc]] = (uint)r[ss[pc]]; break;
                    case InternalOpcodes.MovSx32From8: r[ds[pc]] = (uint)Signed.Extend8(r[ss[pc]]); break;
                    case InternalOpcodes.MovSx32From16: r[ds[pc]] = (uint)Signed.Extend16(r[ss[pc]]); break;
                    case Opcodes.Le: r[ds[pc]] = Truncate(r[ds[pc]], (int)imms[pc]); break;
                    case Opcodes.Be: r[ds[pc]] = Swap(r[ds[pc]], (int)imms[pc]); break;

                    case Opcodes.Lddw:
                        r[ds[pc]] = (ulong)imms[pc];
                        pc += 2;
                        continue;

                    // ---- loads and stores: inline check against the region the last read (or
                    // write) hit; anything else goes to Miss, which asks VmMemory.Translate ----
                    case Opcodes.LdxB:
                        addr = r[ss[pc]] + (ulong)offs[pc];
                        rel = addr - rdStart;
                        if (rel >= rdLen)
                        {
                            size = 1;
                            goto ReadMiss;
                        }
                        r[ds[pc]] = rdData[rdOff + (int)rel];
                        break;
                    case Opcodes.LdxSb:
                        addr = r[ss[pc]] + (ulong)offs[pc];
                        rel = addr - rdStart;
                        if (rel >= rdLen)
                        {
                            size = 1;
                            goto ReadMiss;
                        }
                        r[ds[pc]] = Signed.Extend8(rdData[rdOff + (int)rel]);
                        break;
                    case Opcodes.LdxH:
                    case Opcodes.LdxSh:
                        addr = r[ss[pc]] + (ulong)offs[pc];
                        rel = addr - rdStart;
                        if (rel >= rdLen || rel + 2 > rdLen)
                        {
                            size = 2;
                            goto ReadMiss;
                        }
                        at = rdOff + (int)rel;
                        value = (ulong)(rdData[at] | (rdData[at + 1] << 8));
                        r[ds[pc]] = ops[pc] == Opcodes.LdxH ? value : Signed.Extend16(value);
                        break;
                    case Opcodes.LdxW:
                    case Opcodes.LdxSw:
                        addr = r[ss[pc]] + (ulong)offs[pc];
                        rel = addr - rdStart;
                        if (rel >= rdLen || rel + 4 > rdLen)
                        {
                            size = 4;
                            goto ReadMiss;
                        }
                        at = rdOff + (int)rel;
                        // Masked: nanoCLR may widen an int-tagged value with sign (see Signed).
                        value = (uint)(rdData[at] | (rdData[at + 1] << 8) | (rdData[at + 2] << 16) | (rdData[at + 3] << 24)) & 0xFFFFFFFFUL;
                        r[ds[pc]] = ops[pc] == Opcodes.LdxW ? value : Signed.Extend32(value);
                        break;
                    case Opcodes.LdxDw:
                        addr = r[ss[pc]] + (ulong)offs[pc];
                        rel = addr - rdStart;
                        if (rel >= rdLen || rel + 8 > rdLen)
                        {
                            size = 8;
                            goto ReadMiss;
                        }
                        at = rdOff + (int)rel;
                        r[ds[pc]] = ((uint)(rdData[at] | (rdData[at + 1] << 8) | (rdData[at + 2] << 16) | (rdData[at + 3] << 24)) & 0xFFFFFFFFUL)
                            | ((ulong)(uint)(rdData[at + 4] | (rdData[at + 5] << 8) | (rdData[at + 6] << 16) | (rdData[at + 7] << 24)) << 32);
                        break;

                    // ---- stores: ST takes the immediate, STX the source register ----
                    case Opcodes.StB:
                        value = (ulong)imms[pc];
                        goto StoreB;
                    case Opcodes.StxB:
                        value = r[ss[pc]];
                    StoreB:
                        addr = r[ds[pc]] + (ulong)offs[pc];
                        rel = addr - wrStart;
                        if (rel >= wrLen)
                        {
                            size = 1;
                            goto WriteMiss;
                        }
                        wrData[wrOff + (int)rel] = (byte)value;
                        break;
                    case Opcodes.StH:
                        value = (ulong)imms[pc];
                        goto StoreH;
                    case Opcodes.StxH:
                        value = r[ss[pc]];
                    StoreH:
                        addr = r[ds[pc]] + (ulong)offs[pc];
                        rel = addr - wrStart;
                        if (rel >= wrLen || rel + 2 > wrLen)
                        {
                            size = 2;
                            goto WriteMiss;
                        }
                        at = wrOff + (int)rel;
                        wrData[at] = (byte)value;
                        wrData[at + 1] = (byte)(value >> 8);
                        break;
                    case Opcodes.StW:
                        value = (ulong)imms[pc];
                        goto StoreW;
                    case Opcodes.StxW:
                        value = r[ss[pc]];
                    StoreW:
                        addr = r[ds[pc]] + (ulong)offs[pc];
                        rel = addr - wrStart;
                        if (rel >= wrLen || rel + 4 > wrLen)
                        {
                            size = 4;
                            goto WriteMiss;
                        }
                        at = wrOff + (int)rel;
                        wrData[at] = (byte)value;
                        wrData[at + 1] = (byte)(value >> 8);
                        wrData[at + 2] = (byte)(value >> 16);
                        wrData[at + 3] = (byte)(value >> 24);
                        break;
                    case Opcodes.StDw:
                        value = (ulong)imms[pc];
                        goto StoreDw;
                    case Opcodes.StxDw:
                        value = r[ss[pc]];
                    StoreDw:
                        addr = r[ds[pc]] + (ulong)offs[pc];
                        rel = addr - wrStart;
                        if (rel >= wrLen || rel + 8 > wrLen)
                        {
                            size = 8;
                            goto WriteMiss;
                        }
                        at = wrOff + (int)rel;
                        wrData[at] = (byte)value;
                        wrData[at + 1] = (byte)(value >> 8);
                        wrData[at + 2] = (byte)(value >> 16);
                        wrData[at + 3] = (byte)(value >> 24);
                        wrData[at + 4] = (byte)(value >> 32);
                        wrData[at + 5] = (byte)(value >> 40);
                        wrData[at + 6] = (byte)(value >> 48);
                        wrData[at + 7] = (byte)(value >> 56);
                        break;

                    // ---- jumps: a taken jump sets pc to the pre-resolved target ----
                    case Opcodes.Ja: goto Taken;
                    case Opcodes.JeqK: if (r[ds[pc]] == (ulong)imms[pc]) goto Taken; break;
                    case Opcodes.JeqX: if (r[ds[pc]] == r[ss[pc]]) goto Taken; break;
                    case Opcodes.JneK: if (r[ds[pc]] != (ulong)imms[pc]) goto Taken; break;
                    case Opcodes.JneX: if (r[ds[pc]] != r[ss[pc]]) goto Taken; break;
                    case Opcodes.JgtK: if (r[ds[pc]] > (ulong)imms[pc]) goto Taken; break;
                    case Opcodes.JgtX: if (r[ds[pc]] > r[ss[pc]]) goto Taken; break;
                    case Opcodes.JgeK: if (r[ds[pc]] >= (ulong)imms[pc]) goto Taken; break;
                    case Opcodes.JgeX: if (r[ds[pc]] >= r[ss[pc]]) goto Taken; break;
                    case Opcodes.JltK: if (r[ds[pc]] < (ulong)imms[pc]) goto Taken; break;
                    case Opcodes.JltX: if (r[ds[pc]] < r[ss[pc]]) goto Taken; break;
                    case Opcodes.JleK: if (r[ds[pc]] <= (ulong)imms[pc]) goto Taken; break;
                    case Opcodes.JleX: if (r[ds[pc]] <= r[ss[pc]]) goto Taken; break;
                    case Opcodes.JsetK: if ((r[ds[pc]] & (ulong)imms[pc]) != 0) goto Taken; break;
                    case Opcodes.JsetX: if ((r[ds[pc]] & r[ss[pc]]) != 0) goto Taken; break;
                    case Opcodes.JsgtK: if ((long)r[ds[pc]] > imms[pc]) goto Taken; break;
                    case Opcodes.JsgtX: if ((long)r[ds[pc]] > (long)r[ss[pc]]) goto Taken; break;
                    case Opcodes.JsgeK: if ((long)r[ds[pc]] >= imms[pc]) goto Taken; break;
                    case Opcodes.JsgeX: if ((long)r[ds[pc]] >= (long)r[ss[pc]]) goto Taken; break;
                    case Opcodes.JsltK: if ((long)r[ds[pc]] < imms[pc]) goto Taken; break;
                    case Opcodes.JsltX: if ((long)r[ds[pc]] < (long)r[ss[pc]]) goto Taken; break;
                    case Opcodes.JsleK: if ((long)r[ds[pc]] <= imms[pc]) goto Taken; break;
                    case Opcodes.JsleX: if ((long)r[ds[pc]] <= (long)r[ss[pc]]) goto Taken; break;

                    case Opcodes.Jeq32K: if ((uint)r[ds[pc]] == (uint)imms[pc]) goto Taken; break;
                    case Opcodes.Jeq32X: if ((uint)r[ds[pc]] == (uint)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jne32K: if ((uint)r[ds[pc]] != (uint)imms[pc]) goto Taken; break;
                    case Opcodes.Jne32X: if ((uint)r[ds[pc]] != (uint)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jgt32K: if ((uint)r[ds[pc]] > (uint)imms[pc]) goto Taken; break;
                    case Opcodes.Jgt32X: if ((uint)r[ds[pc]] > (uint)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jge32K: if ((uint)r[ds[pc]] >= (uint)imms[pc]) goto Taken; break;
                    case Opcodes.Jge32X: if ((uint)r[ds[pc]] >= (uint)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jlt32K: if ((uint)r[ds[pc]] < (uint)imms[pc]) goto Taken; break;
                    case Opcodes.Jlt32X: if ((uint)r[ds[pc]] < (uint)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jle32K: if ((uint)r[ds[pc]] <= (uint)imms[pc]) goto Taken; break;
                    case Opcodes.Jle32X: if ((uint)r[ds[pc]] <= (uint)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jset32K: if (((uint)r[ds[pc]] & (uint)imms[pc]) != 0) goto Taken; break;
                    case Opcodes.Jset32X: if (((uint)r[ds[pc]] & (uint)r[ss[pc]]) != 0) goto Taken; break;
                    case Opcodes.Jsgt32K: if ((int)r[ds[pc]] > (int)imms[pc]) goto Taken; break;
                    case Opcodes.Jsgt32X: if ((int)r[ds[pc]] > (int)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jsge32K: if ((int)r[ds[pc]] >= (int)imms[pc]) goto Taken; break;
                    case Opcodes.Jsge32X: if ((int)r[ds[pc]] >= (int)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jslt32K: if ((int)r[ds[pc]] < (int)imms[pc]) goto Taken; break;
                    case Opcodes.Jslt32X: if ((int)r[ds[pc]] < (int)r[ss[pc]]) goto Taken; break;
                    case Opcodes.Jsle32K: if ((int)r[ds[pc]] <= (int)imms[pc]) goto Taken; break;
                    case Opcodes.Jsle32X: if ((int)r[ds[pc]] <= (int)r[ss[pc]]) goto Taken; break;

                    // ---- calls ----
                    case Opcodes.Call:
                        _fuelAtCall = fuel;
                        _charged = 0;
                        status = CallHelper(imms[pc]);
                        fuel -= _charged;
                        if (status != VmStatus.Ok)
                        {
                            goto Done;
                        }
                        if (_exitRequested)
                        {
                            _result = r[0];
                            goto Done;
                        }
                        // A helper may map, unmap or resize regions: forget the cached ones.
                        rdLen = 0;
                        wrLen = 0;
                        break;
                    case InternalOpcodes.CallLocal:
                        if (depth == _maxDepth)
                        {
                            status = VmStatus.CallDepthExceeded;
                            goto Done;
                        }
                        at = depth * SavedPerFrame;
                        _saved[at] = r[6];
                        _saved[at + 1] = r[7];
                        _saved[at + 2] = r[8];
                        _saved[at + 3] = r[9];
                        _saved[at + 4] = r[10];
                        _returnTo[depth] = pc + 1;
                        depth++;
                        r[10] -= StackFrameSize;
                        goto Taken;
                    case Opcodes.Exit:
                        if (depth == 0)
                        {
                            _result = r[0];
                            status = VmStatus.Ok;
                            goto Done;
                        }
                        depth--;
                        at = depth * SavedPerFrame;
                        r[6] = _saved[at];
                        r[7] = _saved[at + 1];
                        r[8] = _saved[at + 2];
                        r[9] = _saved[at + 3];
                        r[10] = _saved[at + 4];
                        pc = _returnTo[depth];
                        continue;

                    default:
                        status = VmStatus.InvalidInstruction;
                        goto Done;
                }
                pc++;
                continue;

            Taken:
                if (--branches < 0)
                {
                    status = VmStatus.BranchBudgetExhausted;
                    goto Done;
                }
                pc = offs[pc];
                continue;

            // The access left the cached region: VmMemory decides (fault, or another region), the
            // cache takes the region it hit and the instruction runs again, charged once.
            ReadMiss:
                at = mem.Translate(addr, size, false);
                if (at < 0)
                {
                    goto MemoryFault;
                }
                hit = mem.LastHit;
                rdStart = hit.Start;
                rdLen = (ulong)hit.Length;
                rdData = hit.Data;
                rdOff = hit.Offset;
                fuel++;
                continue;

            WriteMiss:
                at = mem.Translate(addr, size, true);
                if (at < 0)
                {
                    goto MemoryFault;
                }
                hit = mem.LastHit;
                wrStart = hit.Start;
                wrLen = (ulong)hit.Length;
                wrData = hit.Data;
                wrOff = hit.Offset;
                fuel++;
                continue;

            MemoryFault:
                _faultAddress = addr;
                status = at == VmMemory.NotPermitted ? VmStatus.MemoryPermission : VmStatus.MemoryOutOfBounds;
                goto Done;
            }

        Done:
            _status = status;
            if (status != VmStatus.Ok)
            {
                _faultIndex = pc;
                _result = 0;
            }
            _instructionCount = _instructionBudget - (fuel < 0 ? 0 : fuel);
            _branchCount = _branchBudget - (branches < 0 ? 0 : branches);
            return status;
        }

        private VmStatus CallHelper(long id)
        {
            IHelper helper = _helpers.Get(id);
            if (helper == null)
            {
                return VmStatus.UnknownHelper;
            }
            if (_grant != null && !_grant.IsGranted(id))
            {
                return VmStatus.HelperDenied;
            }
            ulong[] r = _reg;
            ulong result;
            VmStatus status;
            try
            {
                status = helper.Invoke(this, r[1], r[2], r[3], r[4], r[5], out result);
            }
            catch (System.Exception)
            {
                // A faulty helper must not take the host down; the program just stops.
                return VmStatus.HelperFault;
            }
            if (status == VmStatus.Ok)
            {
                r[0] = result;
            }
            return status;
        }

        // RFC 9669: division by zero yields 0, modulo by zero leaves dst unchanged, and the
        // signed overflow case (MIN / -1) yields MIN for div and 0 for mod instead of trapping.
        // No % at all: nanoCLR picks rem's signedness from the operands' type tags (see Signed); an
        // immediate comes from a long[], so even an unsigned remainder could turn signed.

        private static ulong UDiv64(ulong a, ulong b) { return b == 0 ? 0 : a / b; }

        private static ulong UMod64(ulong a, ulong b) { return b == 0 ? a : a - a / b * b; }

        private static uint UDiv32(uint a, uint b) { return b == 0 ? 0 : a / b; }

        private static uint UMod32(uint a, uint b) { return b == 0 ? a : a - a / b * b; }

        private static long SDiv64(long a, long b)
        {
            if (b == 0)
            {
                return 0;
            }
            return b == -1 ? -a : a / b;
        }

        private static long SMod64(long a, long b)
        {
            if (b == 0)
            {
                return a;
            }
            return b == -1 ? 0 : Signed.Remainder64(a, b);
        }

        private static int SDiv32(int a, int b)
        {
            if (b == 0)
            {
                return 0;
            }
            return b == -1 ? -a : a / b;
        }

        private static int SMod32(int a, int b)
        {
            if (b == 0)
            {
                return a;
            }
            return b == -1 ? 0 : Signed.Remainder32(a, b);
        }

        private static ulong Truncate(ulong v, int width)
        {
            return width == 16 ? (v & 0xffff) : width == 32 ? (v & 0xffffffff) : v;
        }

        private static ulong Swap(ulong v, int width)
        {
            if (width == 16)
            {
                return ((v & 0xff) << 8) | ((v >> 8) & 0xff);
            }
            if (width == 32)
            {
                return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >> 8) & 0xff00) | ((v >> 24) & 0xff);
            }
            ulong lo = Swap(v & 0xffffffff, 32);
            ulong hi = Swap(v >> 32, 32);
            return (lo << 32) | hi;
        }
    }
}
