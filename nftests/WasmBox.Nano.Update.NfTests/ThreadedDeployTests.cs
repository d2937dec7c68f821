using System.Threading;
using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// Deploys and updates while the runtime runs on its own threads, as on a board: the installed
    /// function gets a worker thread and the ticker's timer beats, an update replaces it on the fly and
    /// the new version takes over the beats. Waits are bounded polls on outcomes, never timing assertions.
    /// </summary>
    [TestClass]
    public class ThreadedDeployTests
    {
        private const int PatienceMs = 60000;

        [TestMethod]
        public void Update_replaces_a_function_that_runs_on_its_own_thread()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            rig.Runtime.StartThreads(5);
            try
            {
                UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));
                Container first = rig.Function().Container;
                Assert.IsTrue(BeatUntil(rig, first, 1UL), "version 1 runs on its worker thread");

                UpdateRig.AssertAccepted(UpdateStatus.Updated, rig.Deploy(SignedArtifacts.Version2));
                Container second = rig.Function().Container;
                Assert.IsTrue(BeatUntil(rig, second, 2UL), "version 2 takes over the timer beats");
                long firstRuns = first.Counters.Runs;
                BeatUntil(rig, second, 2UL);
                Assert.AreEqual(firstRuns, first.Counters.Runs, "the replaced version never runs again");
                Assert.AreEqual(1, rig.Runtime.Containers.Length, "containers in the runtime");
                Assert.AreNotEqual((int)ContainerState.Running, (int)first.State);
            }
            finally
            {
                rig.Runtime.Shutdown();
            }
        }

        /// <summary>Advances the board clock beat by beat until <paramref name="c"/> has run 3 more times and answered <paramref name="answer"/>.</summary>
        private static bool BeatUntil(UpdateRig rig, Container c, ulong answer)
        {
            long target = c.Counters.Runs + 3;
            for (int waited = 0; waited < PatienceMs; waited += 10)
            {
                if (c.Counters.Runs >= target && c.LastResult == answer)
                {
                    return true;
                }
                rig.Board.FakeClock.Advance(UpdateRig.TimerPeriodMs);
                Thread.Sleep(10);
            }
            return false;
        }
    }
}
