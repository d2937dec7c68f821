using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// On the board the interpreter runs common instruction groups as one and charges the budget a
    /// straight run at a time; neither may change a result or a count. Each group is run as written
    /// and with a `ja +0` after every instruction (which keeps it apart), on values whose top bits
    /// are set, where nanoCLR's type-tagged arithmetic would show a wrong widening or shift.
    /// </summary>
    [TestClass]
    public class SuperinstructionTests
    {
        // Instructions as opcode, dst, src, imm.
        private static readonly int[][] Groups = new int[][]
        {
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Lsh64K, 1, 0, 13 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Rsh64K, 1, 0, 7 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.And64K, 1, 0, -2 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Add64K, 1, 0, -7 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Add64X, 1, 3, 0 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.And64X, 1, 3, 0 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Xor64X, 1, 3, 0 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Or64X, 1, 3, 0 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Lsh64K, 1, 0, 32, Opcodes.Rsh64K, 1, 0, 32 },
            new int[] { Opcodes.Lsh64K, 1, 0, 32, Opcodes.Rsh64K, 1, 0, 32 },
            new int[] { Opcodes.And64K, 1, 0, 1, Opcodes.Neg64, 1, 0, 0, Opcodes.And64X, 1, 3, 0 },
            new int[] { Opcodes.And64K, 1, 0, 1, Opcodes.Neg64, 1, 0, 0, Opcodes.And64K, 1, 0, -306674912 },
            new int[] { Opcodes.And64K, 1, 0, 1, Opcodes.Neg64, 1, 0, 0, Opcodes.And64X, 1, 3, 0, Opcodes.Xor64X, 1, 4, 0 },
            new int[] { Opcodes.Neg64, 1, 0, 0, Opcodes.And64X, 1, 3, 0 },
            new int[] { Opcodes.Xor64X, 1, 3, 0, Opcodes.Rsh64K, 1, 0, 1 },
            new int[] { Opcodes.Lsh64K, 1, 0, 5, Opcodes.Or64X, 1, 3, 0 },
            new int[] { Opcodes.Mul64K, 1, 0, 1103515245, Opcodes.Add64K, 1, 0, 12345 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Lsh64K, 1, 0, 13, Opcodes.Xor64X, 1, 2, 0 },
            new int[] { Opcodes.Mov64X, 1, 2, 0, Opcodes.Rsh64K, 1, 0, 7, Opcodes.Xor64X, 1, 2, 0 },
        };

        private static readonly ulong[][] Registers = new ulong[][]
        {
            new ulong[] { 0, 0xFFFFFFFFFFFFFFFFUL, 0x8000000000000001UL, 0xEDB88320UL, 0x80000000UL },
            new ulong[] { 7, 0x80000000FFFFFFFEUL, 0x123456789ABCDEF1UL, 0xFFFFFFFF00000000UL, 3 },
            new ulong[] { 1, 2, 0xFFFFFFFF80000000UL, 0x7FFFFFFFFFFFFFFFUL, 0x8000000000000000UL },
        };

        [TestMethod]
        public void EveryGroupComputesWhatItsInstructionsComputeApart()
        {
            for (int g = 0; g < Groups.Length; g++)
            {
                for (int v = 0; v < Registers.Length; v++)
                {
                    ulong together = TestVm.RunToExit(Build(Groups[g], Registers[v], false), 0, 0);
                    ulong apart = TestVm.RunToExit(Build(Groups[g], Registers[v], true), 0, 0);
                    Assert.AreEqual(apart, together, "group " + g + ", register set " + v);
                }
            }
        }

        [TestMethod]
        public void ABudgetEndingInsideAGroupStopsAtTheExactInstruction()
        {
            // Slots 3-5 and 6-9 are groups, 10-11 an LDDW, 12-13 a group: every budget short of the
            // 14 instructions stops at its own instruction, and the next full run is unharmed.
            ProgramBuilder p = new ProgramBuilder().Mov(2, 77).Mov(3, 5).Mov(4, 9)
                .MovReg(1, 2).Alu(Opcodes.Lsh64K, 1, 32).Alu(Opcodes.Rsh64K, 1, 32)
                .Alu(Opcodes.And64K, 1, 1).Alu(Opcodes.Neg64, 1, 0).AluReg(Opcodes.And64X, 1, 3).AluReg(Opcodes.Xor64X, 1, 4)
                .Lddw(5, 0x100000001UL)
                .MovReg(0, 1).AluReg(Opcodes.Add64X, 0, 5)
                .Exit();
            int[] slotOfInstruction = new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14 };
            Vm vm = TestVm.Load(p);
            ulong expected = TestVm.RunToExit(vm, 0, 0);
            Assert.AreEqual(14, vm.InstructionCount);
            for (int budget = 1; budget < 14; budget++)
            {
                vm.InstructionBudget = budget;
                vm.Run(0, 0);
                TestVm.AssertStatus(VmStatus.InstructionBudgetExhausted, vm);
                Assert.AreEqual(budget, vm.InstructionCount);
                Assert.AreEqual(slotOfInstruction[budget], vm.FaultIndex);
                vm.InstructionBudget = 100;
                Assert.AreEqual(expected, TestVm.RunToExit(vm, 0, 0));
                Assert.AreEqual(14, vm.InstructionCount);
            }
        }

        [TestMethod]
        public void AFaultInsideARunCountsOnlyWhatRan()
        {
            ProgramBuilder p = new ProgramBuilder().Mov(1, 0).Mov(2, 1).Mov(3, 2)
                .Load(Opcodes.LdxW, 0, 1, 0).Mov(4, 3).Exit();
            for (int budget = 4; budget <= 100; budget += 96)
            {
                Vm vm = TestVm.Load(p);
                vm.InstructionBudget = budget;
                vm.Run(0, 0);
                TestVm.AssertStatus(VmStatus.MemoryOutOfBounds, vm);
                Assert.AreEqual(3, vm.FaultIndex);
                Assert.AreEqual(4, vm.InstructionCount);
            }
        }

        /// <summary>r0..r4 from the register set, the group, then r0 = r0 ^ r1 ^ r2 ^ r3 ^ r4.</summary>
        private static ProgramBuilder Build(int[] group, ulong[] registers, bool apart)
        {
            ProgramBuilder p = new ProgramBuilder();
            for (int i = 0; i < registers.Length; i++)
            {
                p.Lddw(i, registers[i]);
            }
            for (int i = 0; i < group.Length; i += 4)
            {
                p.Raw(group[i], group[i + 1], group[i + 2], 0, group[i + 3]);
                if (apart)
                {
                    p.Ja(0);
                }
            }
            for (int i = 1; i < registers.Length; i++)
            {
                p.AluReg(Opcodes.Xor64X, 0, i);
            }
            return p.Exit();
        }
    }
}
