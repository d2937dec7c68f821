using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Vm;
using WasmBox.Nano.Vm.NfTests;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// The board owner's policy programs deciding a tenant's gpio_write (and fetch_local) calls on the
    /// device runtime: allow, deny with the policy's errno (sign-extended as the tenant sees it), fault
    /// and budget exhaustion (fail closed, reported), a quota kept across calls in the policy's store,
    /// the caller's memory read through arg_read, replacement, removal and tenant scoping.
    /// </summary>
    [TestClass]
    public class HostcallPolicyTests
    {
        private const ulong Denied13 = 0xFFFFFFFFFFFFFFF3UL;  // -EACCES
        private const ulong Denied16 = 0xFFFFFFFFFFFFFFF0UL;  // -EBUSY
        private const ulong Denied122 = 0xFFFFFFFFFFFFFF86UL; // -EDQUOT

        private static RuntimeRig RigWithDriver(out Container c)
        {
            RuntimeRig rig = new RuntimeRig(null);
            c = rig.InstallAndStart("driver", Programs.DrivePinHigh(RuntimeRig.GrantedPin), RuntimeRig.OutputPin(RuntimeRig.GrantedPin));
            return rig;
        }

        private static PolicyDefinition Policy(string name, long sequence, byte[] code, int helper, string[] tenants, int budget)
        {
            PolicyDefinition d = new PolicyDefinition();
            d.Name = name;
            d.Sequence = sequence;
            d.Text = code;
            d.HelperIds = new int[] { helper };
            d.Tenants = tenants;
            d.InstructionBudget = budget;
            return d;
        }

        private static void Install(RuntimeRig rig, string name, long sequence, byte[] code)
        {
            Assert.IsNull(rig.Runtime.Services.Policies.Install(Policy(name, sequence, code, HelperIds.GpioWrite, null, 64)));
        }

        private static byte[] Returning(int r0)
        {
            return new ProgramBuilder().Mov(0, r0).Exit().ToArray();
        }

        [TestMethod]
        public void AnAllowingPolicyLetsTheCallRun()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            Install(rig, "allow", 1, Returning(0));
            rig.Beat(1000);
            Assert.AreEqual(0UL, c.LastResult);
            Assert.IsTrue(rig.Board.FakeGpio.Read(RuntimeRig.GrantedPin));
            Assert.AreEqual(1L, rig.Runtime.Services.Policies.Find("allow").Allowed);
        }

        [TestMethod]
        public void ADenyingPolicyGivesTheTenantItsErrnoAndTheHelperDoesNotRun()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            Install(rig, "busy", 1, Returning(-16));
            rig.Beat(1000);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual(Denied16, c.LastResult);
            Assert.IsFalse(rig.Board.FakeGpio.Read(RuntimeRig.GrantedPin));
            Assert.AreEqual(1, rig.CountEvents(RuntimeEventKind.PolicyDenied));
        }

        [TestMethod]
        public void APositiveDecisionDeniesWithAccessDenied()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            Install(rig, "odd", 1, Returning(5));
            rig.Beat(1000);
            Assert.AreEqual(Denied13, c.LastResult);
        }

        [TestMethod]
        public void AFaultingPolicyDeniesAndIsReported()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            Install(rig, "broken", 1, new ProgramBuilder().Load(Opcodes.LdxB, 0, 1, 4000).Exit().ToArray());
            rig.Beat(1000);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual(Denied13, c.LastResult);
            Assert.IsFalse(rig.Board.FakeGpio.Read(RuntimeRig.GrantedPin));
            Assert.AreEqual(1, rig.CountEvents(RuntimeEventKind.PolicyFault));
            Assert.AreEqual(1L, rig.Runtime.Services.Policies.Find("broken").Faulted);
        }

        [TestMethod]
        public void APolicyOverItsBudgetDeniesAndIsReported()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            Install(rig, "spin", 1, new ProgramBuilder().Ja(-1).Exit().ToArray());
            rig.Beat(1000);
            Assert.AreEqual(Denied13, c.LastResult);
            Assert.AreEqual(1, rig.CountEvents(RuntimeEventKind.PolicyFault));
            HostcallPolicy spin = rig.Runtime.Services.Policies.Find("spin");
            Assert.IsTrue(spin.LastStatus == VmStatus.InstructionBudgetExhausted || spin.LastStatus == VmStatus.BranchBudgetExhausted,
                VmStatusText.Describe(spin.LastStatus));
        }

        [TestMethod]
        public void TheContextCarriesTheCallsArguments()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            // Denies gpio_write when args[0] (the pin) is the granted pin and args[1] (the level) is 1.
            byte[] code = new ProgramBuilder()
                .Load(Opcodes.LdxDw, 2, 1, PolicyContext.Args)
                .Load(Opcodes.LdxDw, 3, 1, PolicyContext.Args + 8)
                .Mov(0, 0)
                .Jump(Opcodes.JneK, 2, RuntimeRig.GrantedPin, 2)
                .Jump(Opcodes.JneK, 3, 1, 1)
                .Mov(0, -16)
                .Exit()
                .ToArray();
            Install(rig, "pin-guard", 1, code);
            rig.Beat(1000);
            Assert.AreEqual(Denied16, c.LastResult);
        }

        [TestMethod]
        public void AQuotaInThePolicyStoreHoldsAcrossCalls()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            // n = kv_get(1); if (n >= 2) return -EDQUOT; kv_put(1, n + 1); return 0;
            byte[] code = new ProgramBuilder()
                .Mov(1, 1)
                .CallHelper(PolicyHelperIds.KvGet)
                .MovReg(6, 0)
                .Mov(0, -122)
                .Jump(Opcodes.JgeK, 6, 2, 5)
                .Mov(1, 1)
                .MovReg(2, 6)
                .Alu(Opcodes.Add64K, 2, 1)
                .CallHelper(PolicyHelperIds.KvPut)
                .Mov(0, 0)
                .Exit()
                .ToArray();
            Install(rig, "quota", 1, code);
            ulong[] results = new ulong[3];
            for (int i = 0; i < results.Length; i++)
            {
                rig.Beat(1000);
                results[i] = c.LastResult;
            }
            Assert.AreEqual(0UL, results[0]);
            Assert.AreEqual(0UL, results[1]);
            Assert.AreEqual(Denied122, results[2]);
            Assert.AreEqual(2u, rig.Runtime.Services.Policies.Find("quota").Store.Fetch(1));
        }

        [TestMethod]
        public void ArgReadCopiesTheCallersMemory()
        {
            RuntimeRig rig = new RuntimeRig(null);
            Container c = rig.InstallAndStart("counter", Programs.CountRunsInLocalStore(), null);
            // fetch_local(key, value*): allow only when the 4 bytes at value* are readable (arg_read returns 4).
            byte[] code = new ProgramBuilder()
                .Load(Opcodes.LdxDw, 2, 1, PolicyContext.Args + 8)
                .MovReg(1, 10)
                .Alu(Opcodes.Add64K, 1, -8)
                .Mov(3, 4)
                .CallHelper(PolicyHelperIds.ArgRead)
                .Alu(Opcodes.Add64K, 0, -4)
                .Exit()
                .ToArray();
            Assert.IsNull(rig.Runtime.Services.Policies.Install(Policy("reader", 1, code, HelperIds.FetchLocal, null, 64)));
            rig.Beat(1000);
            rig.Beat(1000);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual(2UL, c.LastResult);
            Assert.AreEqual(2L, rig.Runtime.Services.Policies.Find("reader").Allowed);
        }

        [TestMethod]
        public void AReplacementDecidesAtOnceAndRemovalRestoresTheGrant()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            Install(rig, "guard", 1, Returning(-16));
            rig.Beat(1000);
            Assert.AreEqual(Denied16, c.LastResult);
            Install(rig, "guard", 2, Returning(0));
            Assert.AreEqual(1, rig.Runtime.Services.Policies.Installed.Length);
            rig.Beat(1000);
            Assert.AreEqual(0UL, c.LastResult);
            Assert.IsTrue(rig.Runtime.Services.Policies.Remove("guard"));
            Assert.AreEqual(0, rig.Runtime.Services.Policies.Installed.Length);
        }

        [TestMethod]
        public void APolicyForAnotherTenantDoesNotDecide()
        {
            Container c;
            RuntimeRig rig = RigWithDriver(out c);
            Assert.IsNull(rig.Runtime.Services.Policies.Install(
                Policy("others", 1, Returning(-16), HelperIds.GpioWrite, new string[] { "globex" }, 64)));
            rig.Beat(1000);
            Assert.AreEqual(0UL, c.LastResult);
        }

        [TestMethod]
        public void APolicyCallingATenantHelperIsRefused()
        {
            RuntimeRig rig = new RuntimeRig(null);
            string refusal = rig.Runtime.Services.Policies.Install(
                Policy("sneaky", 1, Programs.DrivePinHigh(RuntimeRig.GrantedPin), HelperIds.GpioWrite, null, 64));
            Assert.IsNotNull(refusal);
            Assert.Contains("fails the verifier", refusal);
            Assert.AreEqual(0, rig.Runtime.Services.Policies.Installed.Length);
        }
    }
}
