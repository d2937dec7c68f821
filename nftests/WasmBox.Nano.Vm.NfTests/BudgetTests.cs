using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>Per-run instruction and taken-branch budgets stop runaway programs.</summary>
    [TestClass]
    public class BudgetTests
    {
        [TestMethod]
        public void InfiniteLoopStopsOnTheBranchBudgetEveryRun()
        {
            Vm vm = TestVm.Load(new ProgramBuilder().Ja(-1));
            vm.BranchBudget = 1000;
            for (int run = 0; run < 2; run++)
            {
                vm.Run(0, 0);
                TestVm.AssertStatus(VmStatus.BranchBudgetExhausted, vm);
                Assert.AreEqual(1000, vm.BranchCount);
                Assert.AreEqual(0, vm.FaultIndex);
            }
        }

        [TestMethod]
        [DataRow(5, (int)VmStatus.InstructionBudgetExhausted, 5)]
        [DataRow(10, (int)VmStatus.InstructionBudgetExhausted, 10)]
        [DataRow(11, (int)VmStatus.Ok, 11)]
        public void StraightLineCodeStopsOnTheInstructionBudget(int budget, int expectedStatus, int expectedCount)
        {
            ProgramBuilder p = new ProgramBuilder();
            for (int i = 0; i < 10; i++)
            {
                p.Alu(Opcodes.Add64K, 0, 1);
            }
            Vm vm = TestVm.Load(p.Exit());
            vm.InstructionBudget = budget;
            vm.Run(0, 0);
            TestVm.AssertStatus((VmStatus)expectedStatus, vm);
            Assert.AreEqual(expectedCount, vm.InstructionCount);
        }

        [TestMethod]
        public void BranchesNotTakenCostNoBranchBudget()
        {
            ProgramBuilder p = new ProgramBuilder()
                .Jump(Opcodes.JeqK, 1, 1, 0)
                .Jump(Opcodes.JeqK, 1, 1, 0)
                .Mov(0, 3)
                .Exit();
            Vm vm = TestVm.Load(p);
            vm.BranchBudget = 0;
            Assert.AreEqual(3UL, TestVm.RunToExit(vm, 0, 0));
            Assert.AreEqual(0, vm.BranchCount);

            vm.Run(1, 0);
            TestVm.AssertStatus(VmStatus.BranchBudgetExhausted, vm);
        }
    }
}
