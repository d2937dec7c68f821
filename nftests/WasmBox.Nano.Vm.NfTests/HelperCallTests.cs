using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Helper calls through a test helper table: arguments in r1..r5, result in r0, pointers
    /// through checked memory, faults and grants. The launcher calls test methods without an
    /// instance, so the table shared by the tests lives in a static field built by [Setup].
    /// </summary>
    [TestClass]
    public class HelperCallTests
    {
        private static HelperTable s_helpers;

        [Setup]
        public void RegisterTestHelpers()
        {
            s_helpers = new HelperTable();
            s_helpers.Register(SumHelper.Id, new SumHelper());
            s_helpers.Register(PokeHelper.Id, new PokeHelper());
            s_helpers.Register(ExitHelper.Id, new ExitHelper());
            s_helpers.Register(ThrowingHelper.Id, new ThrowingHelper());
        }

        [Cleanup]
        public void DropTestHelpers()
        {
            s_helpers = null;
        }

        [TestMethod]
        public void HelperGetsR1ToR5AndReturnsInR0()
        {
            ProgramBuilder p = new ProgramBuilder()
                .Mov(1, 1).Mov(2, 20).Mov(3, 300).Mov(4, 4000).Mov(5, 50000)
                .CallHelper(SumHelper.Id)
                .Exit();
            Assert.AreEqual(54321UL, TestVm.RunToExit(Load(p, null), 0, 0));
        }

        [TestMethod]
        public void HelperWritesThroughCheckedMemory()
        {
            ProgramBuilder p = new ProgramBuilder()
                .MovReg(6, 1)
                .Lddw(2, 0xCAFEBABEUL)
                .CallHelper(PokeHelper.Id)
                .Load(Opcodes.LdxW, 0, 6, 0)
                .Exit();
            Vm vm = Load(p, null);
            byte[] context = new byte[8];
            ulong address = TestVm.MapContext(vm, context, true);
            Assert.AreEqual(0xCAFEBABEUL, TestVm.RunToExit(vm, address, 0));
            Assert.AreEqual((byte)0xBE, context[0]);
        }

        [TestMethod]
        public void HelperRefusingABadPointerStopsTheProgram()
        {
            ProgramBuilder p = new ProgramBuilder()
                .Mov(1, 0)
                .CallHelper(PokeHelper.Id)
                .Mov(0, 1)
                .Exit();
            Vm vm = Load(p, null);
            vm.Run(0, 0);
            TestVm.AssertStatus(VmStatus.HelperFault, vm);
            Assert.AreEqual(1, vm.FaultIndex);
        }

        [TestMethod]
        public void HelperRequestingExitEndsTheRunNormally()
        {
            ProgramBuilder p = new ProgramBuilder()
                .Mov(1, 42)
                .CallHelper(ExitHelper.Id)
                .Mov(0, 7)
                .Exit();
            Vm vm = Load(p, null);
            Assert.AreEqual(42UL, TestVm.RunToExit(vm, 0, 0));
            Assert.AreEqual(2, vm.InstructionCount);
        }

        [TestMethod]
        public void ThrowingHelperBecomesAHelperFault()
        {
            Vm vm = Load(new ProgramBuilder().CallHelper(ThrowingHelper.Id).Exit(), null);
            vm.Run(0, 0);
            TestVm.AssertStatus(VmStatus.HelperFault, vm);
            Assert.AreEqual(0UL, vm.Result);
        }

        [TestMethod]
        public void HelperOutsideTheGrantIsDeniedAtRunTime()
        {
            // Verified against the whole table, but this VM's tenant holds only the sum helper.
            Vm vm = Load(new ProgramBuilder().CallHelper(PokeHelper.Id).Exit(), new HelperGrant(new int[] { SumHelper.Id }));
            vm.Run(0, 0);
            TestVm.AssertStatus(VmStatus.HelperDenied, vm);
        }

        [TestMethod]
        public void VerifiedProgramListsTheHelpersItCalls()
        {
            ProgramBuilder p = new ProgramBuilder()
                .CallHelper(ExitHelper.Id)
                .CallHelper(SumHelper.Id)
                .CallHelper(ExitHelper.Id)
                .Exit();
            VerifyResult result = TestVm.Verify(p.ToArray(), s_helpers);
            Assert.IsTrue(result.Ok, result.Message);
            int[] ids = result.Program.HelperIds;
            Assert.AreEqual(2, ids.Length);
            Assert.AreEqual(ExitHelper.Id, ids[0]);
            Assert.AreEqual(SumHelper.Id, ids[1]);
        }

        private static Vm Load(ProgramBuilder program, HelperGrant grant)
        {
            return TestVm.Load(program.ToArray(), s_helpers, grant);
        }
    }
}
