using nanoFramework.TestFramework;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>A reboot: a new board, runtime and manager whose <see cref="UpdateManager.Boot"/> reads the same drive.</summary>
    [TestClass]
    public class BootTests
    {
        [TestMethod]
        public void BootRestoresTheFunctionAndItsSequence()
        {
            MemoryStorage drive = new MemoryStorage();
            UpdateRig before = UpdateRig.Start(drive);
            UpdateRig.AssertAccepted(UpdateStatus.Installed, before.Deploy(SignedArtifacts.Version1));
            UpdateRig.AssertAccepted(UpdateStatus.Updated, before.Deploy(SignedArtifacts.Version2));

            UpdateRig after = UpdateRig.Start(drive);

            Assert.AreEqual(0, after.Updates.BootFailures.Length, "boot failures");
            after.AssertRuns(2, 2);
            Assert.IsTrue(after.Function().HasPrevious, "the previous version survives the reboot");
            UpdateRig.AssertRefused(UpdateRefusal.Replay, after.Deploy(SignedArtifacts.Version2));
        }

        [TestMethod]
        public void BootAfterRollbackKeepsTheCommandsSequence()
        {
            MemoryStorage drive = new MemoryStorage();
            UpdateRig before = UpdateRig.Start(drive);
            UpdateRig.AssertAccepted(UpdateStatus.Installed, before.Deploy(SignedArtifacts.Version1));
            UpdateRig.AssertAccepted(UpdateStatus.Updated, before.Deploy(SignedArtifacts.Version2));
            UpdateRig.AssertAccepted(UpdateStatus.RolledBack, before.Execute(SignedArtifacts.Rollback));

            UpdateRig after = UpdateRig.Start(drive);

            after.AssertRuns(3, 1);
            UpdateRig.AssertRefused(UpdateRefusal.Replay, after.Execute(SignedArtifacts.Rollback));
        }

        [TestMethod]
        public void BootAfterRemoveKeepsTheSlotEmptyAndItsSequence()
        {
            MemoryStorage drive = new MemoryStorage();
            UpdateRig before = UpdateRig.Start(drive);
            UpdateRig.AssertAccepted(UpdateStatus.Installed, before.Deploy(SignedArtifacts.Version1));
            UpdateRig.AssertAccepted(UpdateStatus.Removed, before.Execute(SignedArtifacts.Remove));

            UpdateRig after = UpdateRig.Start(drive);

            after.AssertEmpty(4);
            UpdateRig.AssertRefused(UpdateRefusal.Replay, after.Deploy(SignedArtifacts.Version2));
        }

        [TestMethod]
        public void BootChecksStoredBundlesAgainstTheKeyItHasNow()
        {
            MemoryStorage drive = new MemoryStorage();
            UpdateRig before = UpdateRig.Start(drive);
            UpdateRig.AssertAccepted(UpdateStatus.Installed, before.Deploy(SignedArtifacts.Version1));

            UpdateRig after = UpdateRig.StartWithKey(drive, SignedArtifacts.OtherKey);

            Assert.AreEqual(1, after.Updates.BootFailures.Length, "boot failures");
            Assert.StartsWith("acme/1: ", after.Updates.BootFailures[0]);
            after.AssertEmpty(1);
        }
    }
}
