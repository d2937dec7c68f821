using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Checked memory: every load and store must fall wholly inside one mapped region and
    /// respect its permissions; a violation ends the run with a fault, never an exception.
    /// </summary>
    [TestClass]
    public class MemoryTests
    {
        private const int ContextSize = 16;

        [TestMethod]
        public void LoadsLittleEndianValuesFromTheContext()
        {
            byte[] context = new byte[ContextSize];
            for (int i = 0; i < context.Length; i++)
            {
                context[i] = (byte)(0x10 + i);
            }
            Assert.AreEqual(0x1716151413121110UL, RunOnContext(new ProgramBuilder().Load(Opcodes.LdxDw, 0, 1, 0).Exit(), context, false));
            Assert.AreEqual(0x1918UL, RunOnContext(new ProgramBuilder().Load(Opcodes.LdxH, 0, 1, 8).Exit(), context, false));
        }

        [TestMethod]
        [DataRow(Opcodes.LdxDw, 9)]
        [DataRow(Opcodes.LdxB, ContextSize)]
        [DataRow(Opcodes.LdxW, -1)]
        public void LoadNotWhollyInsideTheRegionFaults(int opcode, int offset)
        {
            Vm vm = TestVm.Load(new ProgramBuilder().Mov(0, 1).Load(opcode, 0, 1, offset).Exit());
            ulong address = TestVm.MapContext(vm, new byte[ContextSize], false);
            vm.Run(address, 0);
            TestVm.AssertStatus(VmStatus.MemoryOutOfBounds, vm);
            Assert.AreEqual(1, vm.FaultIndex);
            Assert.AreEqual(address + (ulong)(long)offset, vm.FaultAddress);
            Assert.AreEqual(0UL, vm.Result);
        }

        [TestMethod]
        public void NullPointerFaults()
        {
            Vm vm = TestVm.Load(new ProgramBuilder().Load(Opcodes.LdxB, 0, 2, 0).Exit());
            vm.Run(0, 0);
            TestVm.AssertStatus(VmStatus.MemoryOutOfBounds, vm);
            Assert.AreEqual(0UL, vm.FaultAddress);
        }

        [TestMethod]
        public void StoreToReadOnlyRegionFaultsAndLeavesItUnchanged()
        {
            byte[] context = new byte[ContextSize];
            Vm vm = TestVm.Load(new ProgramBuilder().Store(Opcodes.StW, 1, 0, 0x55).Exit());
            ulong address = TestVm.MapContext(vm, context, false);
            vm.Run(address, 0);
            TestVm.AssertStatus(VmStatus.MemoryPermission, vm);
            Assert.AreEqual(0, vm.FaultIndex);
            Assert.AreEqual((byte)0, context[0]);
        }

        [TestMethod]
        public void LoadFromWriteOnlyRegionFaults()
        {
            Vm vm = TestVm.Load(new ProgramBuilder().Load(Opcodes.LdxB, 0, 1, 0).Exit());
            vm.Memory.Map(new MemoryRegion(MemoryRegion.GrantBase, new byte[4], false, true));
            vm.Run(MemoryRegion.GrantBase, 0);
            TestVm.AssertStatus(VmStatus.MemoryPermission, vm);
        }

        [TestMethod]
        public void StackIsWritableAndClearedBetweenRuns()
        {
            // r0 = old stack slot + 0x77 after storing 0x77 there: 0x77 on every run only if
            // nothing survives from the previous run.
            ProgramBuilder p = new ProgramBuilder()
                .Load(Opcodes.LdxDw, 6, 10, -8)
                .Store(Opcodes.StDw, 10, -8, 0x77)
                .Load(Opcodes.LdxDw, 0, 10, -8)
                .AluReg(Opcodes.Add64X, 0, 6)
                .Exit();
            Vm vm = TestVm.Load(p);
            Assert.AreEqual(0x77UL, TestVm.RunToExit(vm, 0, 0));
            Assert.AreEqual(0x77UL, TestVm.RunToExit(vm, 0, 0));
        }

        [TestMethod]
        public void AccessAboveTheStackTopFaults()
        {
            Vm vm = TestVm.Load(new ProgramBuilder().Load(Opcodes.LdxB, 0, 10, 0).Exit());
            vm.Run(0, 0);
            TestVm.AssertStatus(VmStatus.MemoryOutOfBounds, vm);
        }

        private static ulong RunOnContext(ProgramBuilder program, byte[] context, bool writable)
        {
            Vm vm = TestVm.Load(program);
            return TestVm.RunToExit(vm, TestVm.MapContext(vm, context, writable), 0);
        }
    }
}
