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
        // The opcodes this VM runs: the program's with superinstructions, and a Halt while a run
        // the budget cannot pay for in full is under way (so it is the VM's own copy).
        private readonly byte[] _ops;
        private int _haltAt = -1;
        private byte _haltedOp;
        private int _unfusedAt = -1;
        private byte _fusedOp;
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
            _ops = Superinstructions.Fuse(program);
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
        /// <remarks>
        /// The instruction budget is charged a straight run at a time (<see cref="VmProgram.Run"/>:
        /// up to and including the jump, call or exit that ends it), when control enters the run,
        /// so the loop pays nothing per instruction. The meaning is unchanged: a run that the
        /// budget cannot pay for in full gets a Halt planted where the budget runs out and stops
        /// there, having executed exactly InstructionBudget instructions; a fault inside a run gives
        /// back what the run did not execute.
        /// </remarks>
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
            byte[] ops = _ops;
            byte[] ds = p.Dst;
            byte[] ss = p.Src;
            int[] offs = p.Off;
            int[] imms = p.Imm;
            short[] runs = p.Run;
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

        Charge:
            fuel -= runs[pc];
            if (fuel < 0)
            {
                goto OutOfFuel;
            }
        Dispatch:
            switch (ops[pc])
            {
                // ---- 64-bit ALU ----
                case Opcodes.Add64K: r[ds[pc]] += (ulong)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Add64X: r[ds[pc]] += r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.Sub64K: r[ds[pc]] -= (ulong)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Sub64X: r[ds[pc]] -= r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.Mul64K: r[ds[pc]] *= (ulong)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Mul64X: r[ds[pc]] *= r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.Div64K: r[ds[pc]] = UDiv64(r[ds[pc]], (ulong)imms[pc]); pc++; goto Dispatch;
                case Opcodes.Div64X: r[ds[pc]] = UDiv64(r[ds[pc]], r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Mod64K: r[ds[pc]] = UMod64(r[ds[pc]], (ulong)imms[pc]); pc++; goto Dispatch;
                case Opcodes.Mod64X: r[ds[pc]] = UMod64(r[ds[pc]], r[ss[pc]]); pc++; goto Dispatch;
                case InternalOpcodes.SDiv64K: r[ds[pc]] = (ulong)SDiv64((long)r[ds[pc]], imms[pc]); pc++; goto Dispatch;
                case InternalOpcodes.SDiv64X: r[ds[pc]] = (ulong)SDiv64((long)r[ds[pc]], (long)r[ss[pc]]); pc++; goto Dispatch;
                case InternalOpcodes.SMod64K: r[ds[pc]] = (ulong)SMod64((long)r[ds[pc]], imms[pc]); pc++; goto Dispatch;
                case InternalOpcodes.SMod64X: r[ds[pc]] = (ulong)SMod64((long)r[ds[pc]], (long)r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Or64K: r[ds[pc]] |= (ulong)(long)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Or64X: r[ds[pc]] |= r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.And64K: r[ds[pc]] &= (ulong)imms[pc]; pc++; goto Dispatch;
                case Opcodes.And64X: r[ds[pc]] &= r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.Xor64K: r[ds[pc]] ^= (ulong)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Xor64X: r[ds[pc]] ^= r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.Lsh64K: r[ds[pc]] <<= imms[pc]; pc++; goto Dispatch;
                case Opcodes.Lsh64X: r[ds[pc]] <<= (int)(r[ss[pc]] & 63); pc++; goto Dispatch;
                case Opcodes.Rsh64K: r[ds[pc]] >>= imms[pc]; pc++; goto Dispatch;
                case Opcodes.Rsh64X: r[ds[pc]] >>= (int)(r[ss[pc]] & 63); pc++; goto Dispatch;
                case Opcodes.Arsh64K: r[ds[pc]] = Signed.ShiftRight64(r[ds[pc]], imms[pc]); pc++; goto Dispatch;
                case Opcodes.Arsh64X: r[ds[pc]] = Signed.ShiftRight64(r[ds[pc]], (int)(r[ss[pc]] & 63)); pc++; goto Dispatch;
                case Opcodes.Neg64: r[ds[pc]] = (ulong)(-(long)r[ds[pc]]); pc++; goto Dispatch;
                case Opcodes.Mov64K: r[ds[pc]] = (ulong)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Mov64X: r[ds[pc]] = r[ss[pc]]; pc++; goto Dispatch;
                case InternalOpcodes.MovSx64From8: r[ds[pc]] = Signed.Extend8(r[ss[pc]]); pc++; goto Dispatch;
                case InternalOpcodes.MovSx64From16: r[ds[pc]] = Signed.Extend16(r[ss[pc]]); pc++; goto Dispatch;
                case InternalOpcodes.MovSx64From32: r[ds[pc]] = Signed.Extend32(r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Bswap: r[ds[pc]] = Swap(r[ds[pc]], imms[pc]); pc++; goto Dispatch;

                // ---- 32-bit ALU: operate on the low halves, zero-extend the result ----
                case Opcodes.Add32K: r[ds[pc]] = (uint)((uint)r[ds[pc]] + (uint)imms[pc]); pc++; goto Dispatch;
                case Opcodes.Add32X: r[ds[pc]] = (uint)((uint)r[ds[pc]] + (uint)r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Sub32K: r[ds[pc]] = (uint)((uint)r[ds[pc]] - (uint)imms[pc]); pc++; goto Dispatch;
                case Opcodes.Sub32X: r[ds[pc]] = (uint)((uint)r[ds[pc]] - (uint)r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Mul32K: r[ds[pc]] = (uint)((uint)r[ds[pc]] * (uint)imms[pc]); pc++; goto Dispatch;
                case Opcodes.Mul32X: r[ds[pc]] = (uint)((uint)r[ds[pc]] * (uint)r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Div32K: r[ds[pc]] = UDiv32((uint)r[ds[pc]], (uint)imms[pc]); pc++; goto Dispatch;
                case Opcodes.Div32X: r[ds[pc]] = UDiv32((uint)r[ds[pc]], (uint)r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Mod32K: r[ds[pc]] = UMod32((uint)r[ds[pc]], (uint)imms[pc]); pc++; goto Dispatch;
                case Opcodes.Mod32X: r[ds[pc]] = UMod32((uint)r[ds[pc]], (uint)r[ss[pc]]); pc++; goto Dispatch;
                case InternalOpcodes.SDiv32K: r[ds[pc]] = (uint)SDiv32((int)r[ds[pc]], imms[pc]); pc++; goto Dispatch;
                case InternalOpcodes.SDiv32X: r[ds[pc]] = (uint)SDiv32((int)r[ds[pc]], (int)r[ss[pc]]); pc++; goto Dispatch;
                case InternalOpcodes.SMod32K: r[ds[pc]] = (uint)SMod32((int)r[ds[pc]], imms[pc]); pc++; goto Dispatch;
                case InternalOpcodes.SMod32X: r[ds[pc]] = (uint)SMod32((int)r[ds[pc]], (int)r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Or32K: r[ds[pc]] = (uint)r[ds[pc]] | (uint)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Or32X: r[ds[pc]] = (uint)r[ds[pc]] | (uint)r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.And32K: r[ds[pc]] = (uint)r[ds[pc]] & (uint)imms[pc]; pc++; goto Dispatch;
                case Opcodes.And32X: r[ds[pc]] = (uint)r[ds[pc]] & (uint)r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.Xor32K: r[ds[pc]] = (uint)r[ds[pc]] ^ (uint)imms[pc]; pc++; goto Dispatch;
                case Opcodes.Xor32X: r[ds[pc]] = (uint)r[ds[pc]] ^ (uint)r[ss[pc]]; pc++; goto Dispatch;
                case Opcodes.Lsh32K: r[ds[pc]] = (uint)r[ds[pc]] << imms[pc]; pc++; goto Dispatch;
                case Opcodes.Lsh32X: r[ds[pc]] = (uint)r[ds[pc]] << (int)(r[ss[pc]] & 31); pc++; goto Dispatch;
                case Opcodes.Rsh32K: r[ds[pc]] = (uint)r[ds[pc]] >> imms[pc]; pc++; goto Dispatch;
                case Opcodes.Rsh32X: r[ds[pc]] = (uint)r[ds[pc]] >> (int)(r[ss[pc]] & 31); pc++; goto Dispatch;
                case Opcodes.Arsh32K: r[ds[pc]] = Signed.ShiftRight32((uint)r[ds[pc]], imms[pc]); pc++; goto Dispatch;
                case Opcodes.Arsh32X: r[ds[pc]] = Signed.ShiftRight32((uint)r[ds[pc]], (int)(r[ss[pc]] & 31)); pc++; goto Dispatch;
                case Opcodes.Neg32: r[ds[pc]] = (uint)(-(int)r[ds[pc]]); pc++; goto Dispatch;
                // Masked: nanoCLR widens an int-tagged value with its sign (see Signed).
                case Opcodes.Mov32K: r[ds[pc]] = (ulong)imms[pc] & 0xFFFFFFFFUL; pc++; goto Dispatch;
                case Opcodes.Mov32X: r[ds[pc]] = (uint)r[ss[pc]]; pc++; goto Dispatch;
                case InternalOpcodes.MovSx32From8: r[ds[pc]] = (uint)Signed.Extend8(r[ss[pc]]); pc++; goto Dispatch;
                case InternalOpcodes.MovSx32From16: r[ds[pc]] = (uint)Signed.Extend16(r[ss[pc]]); pc++; goto Dispatch;
                case Opcodes.Le: r[ds[pc]] = Truncate(r[ds[pc]], imms[pc]); pc++; goto Dispatch;
                case Opcodes.Be: r[ds[pc]] = Swap(r[ds[pc]], imms[pc]); pc++; goto Dispatch;

                case Opcodes.Lddw:
                    r[ds[pc]] = ((ulong)imms[pc] & 0xFFFFFFFFUL) | ((ulong)imms[pc + 1] << 32);
                    pc += 2;
                    goto Dispatch;

                // ---- superinstructions (see Superinstructions; none can fault) ----
                case Superinstructions.MovLshK: r[ds[pc]] = r[ss[pc]] << imms[pc + 1]; pc += 2; goto Dispatch;
                case Superinstructions.MovRshK: r[ds[pc]] = r[ss[pc]] >> imms[pc + 1]; pc += 2; goto Dispatch;
                case Superinstructions.MovAndK: r[ds[pc]] = r[ss[pc]] & (ulong)imms[pc + 1]; pc += 2; goto Dispatch;
                case Superinstructions.MovAddK: r[ds[pc]] = r[ss[pc]] + (ulong)imms[pc + 1]; pc += 2; goto Dispatch;
                case Superinstructions.MovAddX: r[ds[pc]] = r[ss[pc]] + r[ss[pc + 1]]; pc += 2; goto Dispatch;
                case Superinstructions.MovAndX: r[ds[pc]] = r[ss[pc]] & r[ss[pc + 1]]; pc += 2; goto Dispatch;
                case Superinstructions.MovXorX: r[ds[pc]] = r[ss[pc]] ^ r[ss[pc + 1]]; pc += 2; goto Dispatch;
                case Superinstructions.MovOrX: r[ds[pc]] = r[ss[pc]] | r[ss[pc + 1]]; pc += 2; goto Dispatch;
                case Superinstructions.MovZext: r[ds[pc]] = r[ss[pc]] & 0xFFFFFFFFUL; pc += 3; goto Dispatch;
                case Superinstructions.Zext: r[ds[pc]] &= 0xFFFFFFFFUL; pc += 2; goto Dispatch;
                case Superinstructions.MaskSelectX: r[ds[pc]] = (0UL - (r[ds[pc]] & (ulong)imms[pc])) & r[ss[pc + 2]]; pc += 3; goto Dispatch;
                case Superinstructions.MaskSelectXorX: r[ds[pc]] = ((0UL - (r[ds[pc]] & (ulong)imms[pc])) & r[ss[pc + 2]]) ^ r[ss[pc + 3]]; pc += 4; goto Dispatch;
                case Superinstructions.MaskSelectK: r[ds[pc]] = (0UL - (r[ds[pc]] & (ulong)imms[pc])) & (ulong)imms[pc + 2]; pc += 3; goto Dispatch;
                case Superinstructions.NegAndX: r[ds[pc]] = (0UL - r[ds[pc]]) & r[ss[pc + 1]]; pc += 2; goto Dispatch;
                case Superinstructions.XorRshK: r[ds[pc]] = (r[ds[pc]] ^ r[ss[pc]]) >> imms[pc + 1]; pc += 2; goto Dispatch;
                case Superinstructions.LshOrX: r[ds[pc]] = (r[ds[pc]] << imms[pc]) | r[ss[pc + 1]]; pc += 2; goto Dispatch;
                case Superinstructions.MulAddK: r[ds[pc]] = r[ds[pc]] * (ulong)imms[pc] + (ulong)imms[pc + 1]; pc += 2; goto Dispatch;
                case Superinstructions.MovLshXorSelf:
                    value = r[ss[pc]];
                    r[ds[pc]] = (value << imms[pc + 1]) ^ value;
                    pc += 3;
                    goto Dispatch;
                case Superinstructions.MovJneK:
                    r[ds[pc]] = r[ss[pc]];
                    pc++;
                    if (r[ds[pc]] != (ulong)imms[pc]) goto Taken;
                    goto NotTaken;
                case Superinstructions.MovJgtX:
                    r[ds[pc]] = r[ss[pc]];
                    pc++;
                    if (r[ds[pc]] > r[ss[pc]]) goto Taken;
                    goto NotTaken;
                case Superinstructions.MovRshXorSelf:
                    value = r[ss[pc]];
                    r[ds[pc]] = (value >> imms[pc + 1]) ^ value;
                    pc += 3;
                    goto Dispatch;

                // ---- loads and stores: inline check against the region the last read (or
                // write) hit; anything else goes to Miss, which asks VmMemory.Translate ----
                case Opcodes.LdxB:
                    rel = r[ss[pc]] + (ulong)offs[pc] - rdStart;
                    if (rel >= rdLen)
                    {
                        size = 1;
                        goto ReadMiss;
                    }
                    r[ds[pc]] = rdData[rdOff + (int)rel];
                    pc++;
                    goto Dispatch;
                // Sign-extending loads (RFC 9669 v4; clang emits them only for -mcpu=v4) ask VmMemory every time.
                case Opcodes.LdxSb: size = 1; goto SignedLoad;
                case Opcodes.LdxSh: size = 2; goto SignedLoad;
                case Opcodes.LdxSw: size = 4; goto SignedLoad;
                case Opcodes.LdxH:
                    rel = r[ss[pc]] + (ulong)offs[pc] - rdStart;
                    if (rel >= rdLen || rel + 2 > rdLen)
                    {
                        size = 2;
                        goto ReadMiss;
                    }
                    at = rdOff + (int)rel;
                    r[ds[pc]] = (ulong)(rdData[at] | (rdData[at + 1] << 8));
                    pc++;
                    goto Dispatch;
                case Opcodes.LdxW:
                    rel = r[ss[pc]] + (ulong)offs[pc] - rdStart;
                    if (rel >= rdLen || rel + 4 > rdLen)
                    {
                        size = 4;
                        goto ReadMiss;
                    }
                    at = rdOff + (int)rel;
                    // Masked: nanoCLR may widen an int-tagged value with sign (see Signed).
                    r[ds[pc]] = (uint)(rdData[at] | (rdData[at + 1] << 8) | (rdData[at + 2] << 16) | (rdData[at + 3] << 24)) & 0xFFFFFFFFUL;
                    pc++;
                    goto Dispatch;
                case Opcodes.LdxDw:
                    rel = r[ss[pc]] + (ulong)offs[pc] - rdStart;
                    if (rel >= rdLen || rel + 8 > rdLen)
                    {
                        size = 8;
                        goto ReadMiss;
                    }
                    at = rdOff + (int)rel;
                    r[ds[pc]] = ((uint)(rdData[at] | (rdData[at + 1] << 8) | (rdData[at + 2] << 16) | (rdData[at + 3] << 24)) & 0xFFFFFFFFUL)
                        | ((ulong)(uint)(rdData[at + 4] | (rdData[at + 5] << 8) | (rdData[at + 6] << 16) | (rdData[at + 7] << 24)) << 32);
                    pc++;
                    goto Dispatch;

                // ---- stores: ST takes the immediate, STX the source register; each size is written
                // out byte by byte, because a loop costs nanoCLR a compare and an index per byte ----
                case Opcodes.StB:
                    value = (ulong)imms[pc];
                    goto StoreB;
                case Opcodes.StxB:
                    value = r[ss[pc]];
                StoreB:
                    rel = r[ds[pc]] + (ulong)offs[pc] - wrStart;
                    if (rel >= wrLen)
                    {
                        size = 1;
                        goto WriteMiss;
                    }
                    wrData[wrOff + (int)rel] = (byte)value;
                    pc++;
                    goto Dispatch;
                case Opcodes.StH:
                    value = (ulong)imms[pc];
                    goto StoreH;
                case Opcodes.StxH:
                    value = r[ss[pc]];
                StoreH:
                    rel = r[ds[pc]] + (ulong)offs[pc] - wrStart;
                    if (rel >= wrLen || rel + 2 > wrLen)
                    {
                        size = 2;
                        goto WriteMiss;
                    }
                    at = wrOff + (int)rel;
                    wrData[at] = (byte)value;
                    wrData[at + 1] = (byte)(value >> 8);
                    pc++;
                    goto Dispatch;
                case Opcodes.StW:
                    value = (ulong)imms[pc];
                    goto StoreW;
                case Opcodes.StxW:
                    value = r[ss[pc]];
                StoreW:
                    rel = r[ds[pc]] + (ulong)offs[pc] - wrStart;
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
                    pc++;
                    goto Dispatch;
                case Opcodes.StDw:
                    value = (ulong)imms[pc];
                    goto StoreDw;
                case Opcodes.StxDw:
                    value = r[ss[pc]];
                StoreDw:
                    rel = r[ds[pc]] + (ulong)offs[pc] - wrStart;
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
                    pc++;
                    goto Dispatch;

                // ---- jumps end a straight run: either way the next run is charged ----
                case Opcodes.Ja: goto Taken;
                case Opcodes.JeqK: if (r[ds[pc]] == (ulong)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JeqX: if (r[ds[pc]] == r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JneK: if (r[ds[pc]] != (ulong)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JneX: if (r[ds[pc]] != r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JgtK: if (r[ds[pc]] > (ulong)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JgtX: if (r[ds[pc]] > r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JgeK: if (r[ds[pc]] >= (ulong)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JgeX: if (r[ds[pc]] >= r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JltK: if (r[ds[pc]] < (ulong)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JltX: if (r[ds[pc]] < r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JleK: if (r[ds[pc]] <= (ulong)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JleX: if (r[ds[pc]] <= r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JsetK: if ((r[ds[pc]] & (ulong)imms[pc]) != 0) goto Taken; goto NotTaken;
                case Opcodes.JsetX: if ((r[ds[pc]] & r[ss[pc]]) != 0) goto Taken; goto NotTaken;
                case Opcodes.JsgtK: if ((long)r[ds[pc]] > (long)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JsgtX: if ((long)r[ds[pc]] > (long)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JsgeK: if ((long)r[ds[pc]] >= (long)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JsgeX: if ((long)r[ds[pc]] >= (long)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JsltK: if ((long)r[ds[pc]] < (long)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JsltX: if ((long)r[ds[pc]] < (long)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.JsleK: if ((long)r[ds[pc]] <= (long)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.JsleX: if ((long)r[ds[pc]] <= (long)r[ss[pc]]) goto Taken; goto NotTaken;

                case Opcodes.Jeq32K: if ((uint)r[ds[pc]] == (uint)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jeq32X: if ((uint)r[ds[pc]] == (uint)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jne32K: if ((uint)r[ds[pc]] != (uint)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jne32X: if ((uint)r[ds[pc]] != (uint)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jgt32K: if ((uint)r[ds[pc]] > (uint)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jgt32X: if ((uint)r[ds[pc]] > (uint)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jge32K: if ((uint)r[ds[pc]] >= (uint)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jge32X: if ((uint)r[ds[pc]] >= (uint)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jlt32K: if ((uint)r[ds[pc]] < (uint)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jlt32X: if ((uint)r[ds[pc]] < (uint)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jle32K: if ((uint)r[ds[pc]] <= (uint)imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jle32X: if ((uint)r[ds[pc]] <= (uint)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jset32K: if (((uint)r[ds[pc]] & (uint)imms[pc]) != 0) goto Taken; goto NotTaken;
                case Opcodes.Jset32X: if (((uint)r[ds[pc]] & (uint)r[ss[pc]]) != 0) goto Taken; goto NotTaken;
                case Opcodes.Jsgt32K: if ((int)r[ds[pc]] > imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jsgt32X: if ((int)r[ds[pc]] > (int)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jsge32K: if ((int)r[ds[pc]] >= imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jsge32X: if ((int)r[ds[pc]] >= (int)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jslt32K: if ((int)r[ds[pc]] < imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jslt32X: if ((int)r[ds[pc]] < (int)r[ss[pc]]) goto Taken; goto NotTaken;
                case Opcodes.Jsle32K: if ((int)r[ds[pc]] <= imms[pc]) goto Taken; goto NotTaken;
                case Opcodes.Jsle32X: if ((int)r[ds[pc]] <= (int)r[ss[pc]]) goto Taken; goto NotTaken;

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
                    pc++;
                    goto Charge;
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
                    goto Charge;
                case InternalOpcodes.Halt:
                    status = VmStatus.InstructionBudgetExhausted;
                    goto Done;

                default:
                    status = VmStatus.InvalidInstruction;
                    goto Done;
            }
        Taken:
            if (--branches < 0)
            {
                status = VmStatus.BranchBudgetExhausted;
                goto Done;
            }
            pc = offs[pc];
            goto Charge;
        NotTaken:
            pc++;
            goto Charge;

        // The budget cannot pay for the whole run starting at pc: run what it pays for, then stop.
        OutOfFuel:
            fuel += runs[pc];
            if (fuel <= 0)
            {
                status = VmStatus.InstructionBudgetExhausted;
                goto Done;
            }
            PlantHalt(pc, fuel);
            fuel = 0;
            goto Dispatch;

        SignedLoad:
            addr = r[ss[pc]] + (ulong)offs[pc];
            at = mem.Translate(addr, size, false);
            if (at < 0)
            {
                goto MemoryFault;
            }
            value = size == 1 ? Signed.Extend8(mem.HitData[at])
                : size == 2 ? Signed.Extend16(LittleEndian.ReadUInt16(mem.HitData, at))
                : Signed.Extend32(LittleEndian.ReadUInt32(mem.HitData, at));
            r[ds[pc]] = value;
            pc++;
            goto Dispatch;

        // The access left the cached region: VmMemory decides (fault, or another region), the
        // cache takes the region it hit and the instruction runs again (its run is paid already).
        ReadMiss:
            addr = rel + rdStart;
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
            goto Dispatch;

        WriteMiss:
            addr = rel + wrStart;
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
            goto Dispatch;

        MemoryFault:
            _faultAddress = addr;
            status = at == VmMemory.NotPermitted ? VmStatus.MemoryPermission : VmStatus.MemoryOutOfBounds;
            // Give back the instructions of the run after this one (up to a planted Halt).
            fuel += runs[pc] - 1 - (_haltAt < 0 ? 0 : runs[_haltAt]);

        Done:
            if (_haltAt >= 0)
            {
                LiftHalt();
            }
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

        /// <summary>
        /// Makes the run at <paramref name="pc"/> stop after <paramref name="paid"/> instructions
        /// (fewer than it holds): a Halt goes where the budget runs out and a superinstruction the
        /// budget only partly pays for runs as its plain instructions. <see cref="LiftHalt"/> undoes it.
        /// </summary>
        private void PlantHalt(int pc, int paid)
        {
            byte[] ops = _ops;
            int k = pc;
            int left = paid;
            int units = Superinstructions.Length(ops[k]);
            while (left >= units)
            {
                left -= units;
                k += ops[k] == Opcodes.Lddw ? 2 : units;
                units = Superinstructions.Length(ops[k]);
            }
            if (left > 0)
            {
                _unfusedAt = k;
                _fusedOp = ops[k];
                ops[k] = _program.Op[k];
                k += left;
            }
            _haltAt = k;
            _haltedOp = ops[k];
            ops[k] = InternalOpcodes.Halt;
        }

        private void LiftHalt()
        {
            _ops[_haltAt] = _haltedOp;
            _haltAt = -1;
            if (_unfusedAt >= 0)
            {
                _ops[_unfusedAt] = _fusedOp;
                _unfusedAt = -1;
            }
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
