using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// Installing hand-encoded programs and running them synchronously on timer events: the
    /// context reaches the program, helpers work through the runtime, and needs outside the
    /// tenant's grant are refused at install or denied at run time.
    /// </summary>
    [TestClass]
    public class ContainerTests
    {
        private const ulong AccessDenied = 0xFFFFFFFFFFFFFFF3UL; // -EACCES (-13), sign-extended

        [TestMethod]
        public void TimerEventRunsTheProgramWithItsContext()
        {
            RuntimeRig rig = new RuntimeRig(null);
            Container c = rig.InstallAndStart("period", Programs.ReturnHookParameter(), null);
            Assert.AreEqual((int)ContainerState.Running, (int)c.State);
            Assert.AreEqual(1, rig.Beat(1000), "runs");
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual((ulong)RuntimeRig.TimerPeriodMs, c.LastResult);
            Assert.AreEqual(1L, c.Counters.Runs);
        }

        [TestMethod]
        public void OtherTimerPeriodsDoNotWakeTheContainer()
        {
            RuntimeRig rig = new RuntimeRig(null);
            Container c = rig.InstallAndStart("period", Programs.ReturnHookParameter(), null);
            Assert.AreEqual(0, rig.Runtime.Dispatch(HookKind.Timer, RuntimeRig.TimerPeriodMs + 1, null, null, 0));
            Assert.AreEqual(0L, c.Counters.Runs);
        }

        [TestMethod]
        public void LocalStoreKeepsStateAcrossRuns()
        {
            RuntimeRig rig = new RuntimeRig(null);
            Container c = rig.InstallAndStart("counter", Programs.CountRunsInLocalStore(), null);
            for (int run = 1; run <= 3; run++)
            {
                rig.Beat(1000);
                RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
                Assert.AreEqual((ulong)run, c.LastResult, "value the program fetched and stored");
            }
            Assert.AreEqual(3u, c.LocalStore.Fetch(1));
            Assert.AreEqual(6, c.Counters.HelperCalls);
        }

        [TestMethod]
        public void DeclaredPinIsDrivenThroughTheHelper()
        {
            RuntimeRig rig = new RuntimeRig(null);
            Container c = rig.InstallAndStart("blink", Programs.DrivePinHigh(RuntimeRig.GrantedPin), RuntimeRig.OutputPin(RuntimeRig.GrantedPin));
            Assert.IsTrue(rig.Board.FakeGpio.IsOpen(RuntimeRig.GrantedPin), "install opens declared pins");
            rig.Beat(1000);
            Assert.AreEqual(0UL, c.LastResult);
            Assert.IsTrue(rig.Board.FakeGpio.Read(RuntimeRig.GrantedPin));
        }

        [TestMethod]
        public void UngrantedPinIsRefusedAtInstall()
        {
            RuntimeRig rig = new RuntimeRig(null);
            InstallResult result = rig.Runtime.Install(RuntimeRig.Tenant,
                RuntimeRig.TimerManifest("sneak", RuntimeRig.OutputPin(RuntimeRig.UngrantedPin)), Programs.DrivePinHigh(RuntimeRig.UngrantedPin));
            Assert.IsFalse(result.Ok);
            Assert.AreEqual((int)InstallError.PinNotGranted, (int)result.Error, result.Reason);
            Assert.Contains("pin 3", result.Reason);
            Assert.IsFalse(rig.Board.FakeGpio.IsOpen(RuntimeRig.UngrantedPin));
            Assert.AreEqual(1, rig.CountEvents(RuntimeEventKind.InstallRefused));
            Assert.AreEqual(0, rig.Runtime.Containers.Length);
        }

        [TestMethod]
        public void UndeclaredPinIsDeniedAtRunTime()
        {
            RuntimeRig rig = new RuntimeRig(null);
            Container c = rig.InstallAndStart("probe", Programs.DrivePinHigh(RuntimeRig.UngrantedPin), RuntimeRig.OutputPin(RuntimeRig.GrantedPin));
            rig.Beat(1000);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual(AccessDenied, c.LastResult);
            Assert.IsFalse(rig.Board.FakeGpio.Read(RuntimeRig.UngrantedPin));
            Assert.AreEqual(1, c.Counters.PolicyViolations);
            Assert.AreEqual(1, rig.CountEvents(RuntimeEventKind.PolicyViolation));
        }

        [TestMethod]
        public void UngrantedHelperIsRefusedAtInstall()
        {
            RuntimeRig rig = new RuntimeRig(null);
            InstallResult result = rig.Runtime.Install(RuntimeRig.Tenant, RuntimeRig.TimerManifest("talker", null), Programs.CallPrint());
            Assert.AreEqual((int)InstallError.HelperNotGranted, (int)result.Error, result.Reason);
        }

        [TestMethod]
        public void UnknownTenantIsRefusedAtInstall()
        {
            RuntimeRig rig = new RuntimeRig(null);
            InstallResult result = rig.Runtime.Install("globex", RuntimeRig.TimerManifest("x", null), Programs.ReturnHookParameter());
            Assert.AreEqual((int)InstallError.UnknownTenant, (int)result.Error, result.Reason);
        }

        [TestMethod]
        public void ProgramTheVerifierRefusesIsNotInstalled()
        {
            RuntimeRig rig = new RuntimeRig(null);
            byte[] noExit = new byte[] { 0xb7, 0, 0, 0, 1, 0, 0, 0 }; // mov r0, 1 — and falls off the end
            InstallResult result = rig.Runtime.Install(RuntimeRig.Tenant, RuntimeRig.TimerManifest("broken", null), noExit);
            Assert.AreEqual((int)InstallError.VerifyFailed, (int)result.Error, result.Reason);
            Assert.IsNotNull(result.Verify);
        }
    }
}
