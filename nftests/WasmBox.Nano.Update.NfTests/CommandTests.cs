using nanoFramework.TestFramework;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>Signed rollback (sequence 3) and remove (sequence 4) commands through <see cref="UpdateManager.Execute"/>.</summary>
    [TestClass]
    public class CommandTests
    {
        [TestMethod]
        public void RollbackReinstatesThePreviousVersionUnderTheCommandsSequence()
        {
            UpdateRig rig = Updated();

            UpdateRig.AssertAccepted(UpdateStatus.RolledBack, rig.Execute(SignedArtifacts.Rollback));

            rig.AssertRuns(3, 1);
            Assert.IsFalse(rig.Function().HasPrevious, "a rollback keeps no previous version");
        }

        [TestMethod]
        public void VersionRolledAwayFromIsAReplayAfterRollback()
        {
            UpdateRig rig = Updated();
            UpdateRig.AssertAccepted(UpdateStatus.RolledBack, rig.Execute(SignedArtifacts.Rollback));

            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Deploy(SignedArtifacts.Version2));

            rig.AssertRuns(3, 1);
        }

        [TestMethod]
        public void RollbackCommandReplayedIsRefused()
        {
            UpdateRig rig = Updated();
            UpdateRig.AssertAccepted(UpdateStatus.RolledBack, rig.Execute(SignedArtifacts.Rollback));

            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Execute(SignedArtifacts.Rollback));

            rig.AssertRuns(3, 1);
        }

        [TestMethod]
        public void RollbackWithoutPreviousVersionIsRefused()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));

            UpdateRig.AssertRefused(UpdateRefusal.NoPreviousVersion, rig.Execute(SignedArtifacts.Rollback));

            rig.AssertRuns(1, 1);
        }

        [TestMethod]
        public void RemoveStopsTheFunctionAndKeepsTheSequence()
        {
            UpdateRig rig = Updated();

            UpdateRig.AssertAccepted(UpdateStatus.Removed, rig.Execute(SignedArtifacts.Remove));

            rig.AssertEmpty(4);
        }

        [TestMethod]
        public void BundlesAtOrBelowTheRemovalStayRefused()
        {
            UpdateRig rig = Updated();
            UpdateRig.AssertAccepted(UpdateStatus.Removed, rig.Execute(SignedArtifacts.Remove));

            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Deploy(SignedArtifacts.Version2));
            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Deploy(SignedArtifacts.Version1));

            rig.AssertEmpty(4);
        }

        [TestMethod]
        public void RemoveCommandReplayedIsRefused()
        {
            UpdateRig rig = Updated();
            UpdateRig.AssertAccepted(UpdateStatus.Removed, rig.Execute(SignedArtifacts.Remove));

            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Execute(SignedArtifacts.Remove));

            rig.AssertEmpty(4);
        }

        [TestMethod]
        public void OlderCommandAfterANewerOneIsRefused()
        {
            UpdateRig rig = Updated();
            UpdateRig.AssertAccepted(UpdateStatus.Removed, rig.Execute(SignedArtifacts.Remove));

            // The rollback (sequence 3) arrives late, after the removal (sequence 4).
            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Execute(SignedArtifacts.Rollback));

            rig.AssertEmpty(4);
        }

        [TestMethod]
        public void CommandForAnEmptySlotIsRefused()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());

            UpdateRig.AssertRefused(UpdateRefusal.NoSuchFunction, rig.Execute(SignedArtifacts.Remove));

            rig.AssertEmpty(0);
        }

        /// <summary>A board where version 1 was installed and then updated to version 2.</summary>
        private static UpdateRig Updated()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));
            UpdateRig.AssertAccepted(UpdateStatus.Updated, rig.Deploy(SignedArtifacts.Version2));
            return rig;
        }
    }
}
