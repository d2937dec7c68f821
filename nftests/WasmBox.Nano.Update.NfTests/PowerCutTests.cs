using nanoFramework.TestFramework;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// An update from version 1 to 2 whose k-th storage mutation fails or loses power, then a
    /// reboot over what reached the drive. The update's mutations are: stage the bundle, write
    /// the journal (the commit point), rename cur to prev, rename new to cur, write the
    /// sequence, delete the journal. Before the commit the reboot finds version 1; from it on, 2.
    /// </summary>
    [TestClass]
    public class PowerCutTests
    {
        private const int CommitMutation = 2;

        [DataRow(1, true)]
        [DataRow(2, true)]
        [DataRow(3, true)]
        [DataRow(4, true)]
        [DataRow(5, true)]
        [DataRow(6, true)]
        [DataRow(1, false)]
        [DataRow(2, false)]
        [DataRow(3, false)]
        [DataRow(5, false)]
        [DataRow(6, false)]
        [TestMethod]
        public void RebootFindsExactlyTheOldOrTheNewFunction(int failAt, bool powerCut)
        {
            MemoryStorage drive = new MemoryStorage();
            UpdateRig.AssertAccepted(UpdateStatus.Installed, UpdateRig.Start(drive).Deploy(SignedArtifacts.Version1));
            FailingStorage failing = new FailingStorage(drive, failAt, powerCut);
            UpdateRig cut = UpdateRig.Start(failing);

            UpdateResult result = cut.Deploy(SignedArtifacts.Version2);

            Assert.IsTrue(failing.Mutations >= failAt, "the update never reached mutation " + failAt);
            if (!powerCut && failAt <= CommitMutation)
            {
                UpdateRig.AssertRefused(UpdateRefusal.StorageFailed, result);
                cut.AssertRuns(1, 1);
            }
            else
            {
                // A failure after the commit, or a power cut the board never noticed: the change happened.
                UpdateRig.AssertAccepted(UpdateStatus.Updated, result);
                cut.AssertRuns(2, 2);
            }

            UpdateRig rebooted = UpdateRig.Start(drive);

            Assert.AreEqual(0, rebooted.Updates.BootFailures.Length, "boot failures");
            if (failAt <= CommitMutation)
            {
                rebooted.AssertRuns(1, 1);
            }
            else
            {
                rebooted.AssertRuns(2, 2);
            }
        }
    }
}
