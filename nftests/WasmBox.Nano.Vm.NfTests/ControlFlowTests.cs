using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>LDDW, conditional and backward jumps, JMP32, and local calls with their own frames.</summary>
    [TestClass]
    public class ControlFlowTests
    {
        [TestMethod]
        public void LddwLoadsAll64BitsAndZeroExtendsTheLowHalf()
        {
            Assert.AreEqual(0x1122334455667788UL, TestVm.RunToExit(new ProgramBuilder().Lddw(0, 0x1122334455667788UL).Exit(), 0, 0));
            Assert.AreEqual(0x80000000UL, TestVm.RunToExit(new ProgramBuilder().Lddw(0, 0x80000000UL).Exit(), 0, 0));
        }

        [TestMethod]
        public void BackwardJumpLoopCountsItsBranches()
        {
            // r0 = r1 + (r1 - 1) + ... + 1
            ProgramBuilder p = new ProgramBuilder()
                .Mov(0, 0)
                .AluReg(Opcodes.Add64X, 0, 1)
                .Alu(Opcodes.Sub64K, 1, 1)
                .Jump(Opcodes.JneK, 1, 0, -3)
                .Exit();
            Vm vm = TestVm.Load(p);
            Assert.AreEqual(55UL, TestVm.RunToExit(vm, 10, 0));
            Assert.AreEqual(9, vm.BranchCount);
            Assert.AreEqual(1 + 3 * 10 + 1, vm.InstructionCount);
        }

        [TestMethod]
        public void Jmp32ComparesOnlyTheLowHalf()
        {
            // r1 = 0x1_00000005: equal to 5 in 32 bits, not in 64.
            Assert.AreEqual(1UL, TakenWith(Opcodes.Jeq32K, 0x100000005UL));
            Assert.AreEqual(0UL, TakenWith(Opcodes.JeqK, 0x100000005UL));
        }

        [TestMethod]
        public void LocalCallPreservesR6ToR9()
        {
            ProgramBuilder p = new ProgramBuilder()
                .Mov(6, 7)
                .Mov(1, 5)
                .CallLocal(2)              // -> index 5
                .AluReg(Opcodes.Add64X, 0, 6)
                .Exit()
                .Mov(6, 100)               // callee clobbers r6
                .MovReg(0, 1)
                .Alu(Opcodes.Mul64K, 0, 2)
                .Exit();
            Assert.AreEqual(17UL, TestVm.RunToExit(p, 0, 0));
        }

        [TestMethod]
        public void LocalCallRunsOnItsOwnStackFrame()
        {
            // The callee returns its r10; the caller subtracts it from its own.
            ProgramBuilder p = new ProgramBuilder()
                .CallLocal(4)              // -> index 5
                .MovReg(1, 10)
                .AluReg(Opcodes.Sub64X, 1, 0)
                .MovReg(0, 1)
                .Exit()
                .MovReg(0, 10)
                .Exit();
            Assert.AreEqual((ulong)Vm.StackFrameSize, TestVm.RunToExit(p, 0, 0));
        }

        [TestMethod]
        public void UnboundedRecursionFaultsOnCallDepth()
        {
            // Each function ends in exit (the verifier's sub-program rule); f calls itself forever.
            ProgramBuilder p = new ProgramBuilder()
                .CallLocal(1)              // -> index 2, f
                .Exit()
                .CallLocal(-1)             // f: -> index 2, itself
                .Exit();
            Vm vm = TestVm.Load(p);
            vm.Run(0, 0);
            TestVm.AssertStatus(VmStatus.CallDepthExceeded, vm);
            Assert.AreEqual(2, vm.FaultIndex);
        }

        private static ulong TakenWith(int jumpOpcode, ulong r1)
        {
            ProgramBuilder p = new ProgramBuilder()
                .Mov(0, 0)
                .Jump(jumpOpcode, 1, 5, 1)
                .Exit()
                .Mov(0, 1)
                .Exit();
            return TestVm.RunToExit(p, r1, 0);
        }
    }
}
