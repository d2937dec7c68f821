using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// The monitor's rules with explicit <see cref="MonitorSettings"/>: repeated faults or policy
    /// violations within the window quarantine the container (no more runs), a well-behaved
    /// neighbour keeps running, faults spread wider than the window do not, and Start releases.
    /// </summary>
    [TestClass]
    public class QuarantineTests
    {
        private const int Window = 5000;

        [TestMethod]
        public void FaultBurstQuarantinesOnlyTheFaultingContainer()
        {
            RuntimeRig rig = new RuntimeRig(Settings(3));
            Container good = rig.InstallAndStart("counter", Programs.CountRunsInLocalStore(), null);
            Container bad = rig.InstallAndStart("oob", Programs.ReadPastTheStack(), null);
            for (int beat = 0; beat < 5; beat++)
            {
                rig.Beat(1000);
            }
            RuntimeRig.AssertLastStatus(VmStatus.MemoryOutOfBounds, bad);
            Assert.AreEqual((int)ContainerState.Quarantined, (int)bad.State);
            Assert.AreEqual((int)AnomalyKind.FaultBurst, (int)bad.Health.LastAnomaly);
            Assert.AreEqual(3L, bad.Counters.Runs, "no runs after the quarantine");
            Assert.AreEqual(3, bad.Counters.CountOf(VmStatus.MemoryOutOfBounds));
            Assert.AreEqual(1, rig.CountEvents(RuntimeEventKind.Quarantined));
            Assert.AreEqual(3, rig.CountEvents(RuntimeEventKind.Fault));
            Assert.AreEqual((int)ContainerState.Running, (int)good.State);
            Assert.AreEqual(5u, good.LocalStore.Fetch(1));
        }

        [TestMethod]
        public void BurstCountComesFromTheSettings()
        {
            RuntimeRig rig = new RuntimeRig(Settings(2));
            Container bad = rig.InstallAndStart("oob", Programs.ReadPastTheStack(), null);
            rig.Beat(1000);
            Assert.AreEqual((int)ContainerState.Running, (int)bad.State);
            rig.Beat(1000);
            Assert.AreEqual((int)ContainerState.Quarantined, (int)bad.State);
        }

        [TestMethod]
        public void FaultsSpreadWiderThanTheWindowDoNotQuarantine()
        {
            RuntimeRig rig = new RuntimeRig(Settings(3));
            Container bad = rig.InstallAndStart("rare", Programs.ReadPastTheStack(), null);
            for (int beat = 0; beat < 6; beat++)
            {
                rig.Beat(Window / 2 + 1);
            }
            Assert.AreEqual(6L, bad.Counters.Faults);
            Assert.AreEqual((int)ContainerState.Running, (int)bad.State);
            Assert.AreEqual(0, rig.CountEvents(RuntimeEventKind.Quarantined));
        }

        [TestMethod]
        public void RepeatedPolicyViolationsQuarantine()
        {
            RuntimeRig rig = new RuntimeRig(Settings(3));
            Container probe = rig.InstallAndStart("probe", Programs.DrivePinHigh(RuntimeRig.UngrantedPin),
                RuntimeRig.OutputPin(RuntimeRig.GrantedPin));
            for (int beat = 0; beat < 4; beat++)
            {
                rig.Beat(1000);
            }
            Assert.AreEqual((int)ContainerState.Quarantined, (int)probe.State);
            Assert.AreEqual((int)AnomalyKind.PolicyViolations, (int)probe.Health.LastAnomaly);
            Assert.AreEqual(3L, probe.Counters.Runs);
            Assert.IsFalse(rig.Board.FakeGpio.Read(RuntimeRig.UngrantedPin));
        }

        [TestMethod]
        public void StartReleasesAQuarantinedContainerWithAFreshHistory()
        {
            RuntimeRig rig = new RuntimeRig(Settings(2));
            Container bad = rig.InstallAndStart("oob", Programs.ReadPastTheStack(), null);
            rig.Beat(1000);
            rig.Beat(1000);
            Assert.AreEqual((int)ContainerState.Quarantined, (int)bad.State);
            Assert.IsTrue(rig.Runtime.Start(bad));
            Assert.AreEqual(1, rig.Beat(1000), "runs again after release");
            Assert.AreEqual((int)ContainerState.Running, (int)bad.State, "one fault after release is not a burst");
        }

        [TestMethod]
        public void OutsideTriggeredFloodsAreThrottledNeverQuarantinedAndSpareTheSiblings()
        {
            MonitorSettings settings = Settings(3);
            settings.RateWarmupWindows = 1;
            settings.RateSpikeMinimumRuns = 5;
            RuntimeRig rig = new RuntimeRig(settings);
            Container sibling = rig.InstallAndStart("counter", Programs.CountRunsInLocalStore(), null);
            Container target = rig.InstallAndStart("target", Programs.ReturnHookParameter(), null);
            Assert.IsTrue(rig.Runtime.Invoke(target, HookKind.Mqtt, "in", null, 0, null));
            rig.Board.FakeClock.Advance(5000);
            int ran = 0;
            for (int i = 0; i < 150; i++)
            {
                if (rig.Runtime.Invoke(target, HookKind.Mqtt, "in", null, 0, null))
                {
                    ran++;
                }
            }
            Assert.AreEqual(100, ran, "the container's own outside budget (runsPerSecond by default)");
            Assert.AreEqual(50, target.Counters.ThrottledRuns);
            Assert.AreEqual(0, target.Counters.RateLimitedRuns);
            Assert.AreEqual(1, rig.CountEvents(RuntimeEventKind.Throttled), "one report per window");
            Assert.AreEqual((int)ContainerState.Running, (int)target.State);
            Assert.AreEqual(0, rig.CountEvents(RuntimeEventKind.Quarantined));
            Assert.AreEqual(2, rig.Beat(0), "the tenant's runs per second are untouched: both timer runs happen");
            Assert.AreEqual(1u, sibling.LocalStore.Fetch(1));
        }

        private static MonitorSettings Settings(int faultBurst)
        {
            MonitorSettings settings = new MonitorSettings();
            settings.FaultBurstCount = faultBurst;
            settings.FaultWindowMs = Window;
            settings.ViolationBurstCount = 3;
            settings.ViolationWindowMs = Window;
            return settings;
        }
    }
}
