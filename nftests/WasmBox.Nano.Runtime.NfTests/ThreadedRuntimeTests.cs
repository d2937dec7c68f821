using System.Threading;
using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Vm;
using WasmBox.Nano.Vm.NfTests;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// The runtime as it runs on a board: one worker thread per container (Thread, AutoResetEvent, lock)
    /// and a ticker thread for timer hooks (StartThreads), with two tenants, timer and message hooks, a
    /// container that exhausts its budget until the monitor quarantines it, and well-behaved neighbours
    /// that keep running. Runs on nanoCLR in the test command. Waits are bounded polls on outcomes, never
    /// assertions on how long something took.
    /// </summary>
    [TestClass]
    public class ThreadedRuntimeTests
    {
        private const string Topic = "globex/data/x";

        private const string TwoTenants =
            "{\"tenants\": ["
            + "{\"id\": \"acme\", \"helpers\": [\"store_local\", \"fetch_local\"], "
            + "\"limits\": {\"maxContainers\": 2, \"maxImageBytes\": 2048, \"ramBytes\": 65536, "
            + "\"instructionsPerRun\": 1000, \"branchesPerRun\": 100, \"runsPerSecond\": 1000, \"helperCallsPerSecond\": 1000}}, "
            + "{\"id\": \"globex\", \"helpers\": [\"store_local\", \"fetch_local\"], \"topics\": [\"globex/#\"], "
            + "\"limits\": {\"maxContainers\": 2, \"maxImageBytes\": 2048, \"ramBytes\": 65536, "
            + "\"instructionsPerRun\": 1000, \"branchesPerRun\": 100, \"runsPerSecond\": 1000, \"helperCallsPerSecond\": 1000}}]}";

        /// <summary>Generous bound for a slow interpreter; the test ends as soon as the outcome is there.</summary>
        private const int PatienceMs = 60000;

        [TestMethod]
        public void Containers_on_their_own_threads_run_hooks_and_a_runaway_is_quarantined()
        {
            MonitorSettings settings = new MonitorSettings();
            settings.FaultBurstCount = 3;
            settings.FaultWindowMs = 100000;
            RuntimeRig rig = new RuntimeRig(settings, TwoTenants);
            WasmBoxRuntime runtime = rig.Runtime;
            Container ticking = Install(runtime, "acme", "ticking", HookBinding.Timer(RuntimeRig.TimerPeriodMs), Programs.CountRunsInLocalStore());
            Container runaway = Install(runtime, "acme", "runaway", HookBinding.Timer(RuntimeRig.TimerPeriodMs),
                new ProgramBuilder().Ja(-1).Exit().ToArray());
            Container listener = Install(runtime, "globex", "listener", HookBinding.Mqtt("globex/#"), Programs.CountRunsInLocalStore());

            runtime.StartThreads(5);
            try
            {
                int messages = 0;
                for (int waited = 0; waited < PatienceMs; waited += 20)
                {
                    if (ticking.LocalStore.Fetch(1) >= 10 && runaway.State == ContainerState.Quarantined
                        && listener.LocalStore.Fetch(1) == (uint)messages && messages >= 10)
                    {
                        break;
                    }
                    rig.Board.FakeClock.Advance(RuntimeRig.TimerPeriodMs);
                    if (messages < 10 && listener.LocalStore.Fetch(1) == (uint)messages)
                    {
                        Assert.AreEqual(1, runtime.Fire(HookKind.Mqtt, 0, Topic, new byte[] { 1, 2, 3 }, 3), "queued to the listener");
                        messages++;
                    }
                    Thread.Sleep(20);
                }
                Assert.IsTrue(ticking.LocalStore.Fetch(1) >= 10, "timer beats on the worker thread: " + ticking.LocalStore.Fetch(1));
                Assert.AreEqual(10u, listener.LocalStore.Fetch(1), "every message ran exactly once");
                Assert.AreEqual((int)ContainerState.Quarantined, (int)runaway.State);
                Assert.AreEqual((int)AnomalyKind.FaultBurst, (int)runaway.Health.LastAnomaly);
                RuntimeRig.AssertLastStatus(VmStatus.BranchBudgetExhausted, runaway);
                Assert.AreEqual(3L, runaway.Counters.Runs, "no runs after the quarantine");
                Assert.AreEqual((int)ContainerState.Running, (int)ticking.State);
                Assert.AreEqual((int)ContainerState.Running, (int)listener.State);
                Assert.AreEqual(0L, ticking.Counters.Faults);
            }
            finally
            {
                runtime.Shutdown();
            }
            Assert.IsFalse(runtime.Threaded);
        }

        private static Container Install(WasmBoxRuntime runtime, string tenant, string name, HookBinding hook, byte[] code)
        {
            ContainerManifest m = new ContainerManifest(name);
            m.Hooks = new HookBinding[] { hook };
            InstallResult result = runtime.Install(tenant, m, code);
            Assert.IsTrue(result.Ok, "install refused: " + result.Reason);
            Assert.IsTrue(runtime.Start(result.Container));
            return result.Container;
        }
    }
}
