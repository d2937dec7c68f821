using nanoFramework.TestFramework;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>Real signed bundles through <see cref="UpdateManager.Deploy"/>: install, update, anti-rollback, keys.</summary>
    [TestClass]
    public class DeployTests
    {
        [TestMethod]
        public void FirstBundleIsInstalledAndRuns()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());

            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));

            rig.AssertRuns(1, 1);
            Assert.IsFalse(rig.Function().HasPrevious, "a first install keeps no previous version");
        }

        [TestMethod]
        public void HigherSequenceUpdatesAndKeepsThePreviousVersion()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));

            UpdateRig.AssertAccepted(UpdateStatus.Updated, rig.Deploy(SignedArtifacts.Version2));

            rig.AssertRuns(2, 2);
            Assert.IsTrue(rig.Function().HasPrevious, "an update keeps version 1 for a rollback");
        }

        [TestMethod]
        public void SameSequenceAgainIsAReplay()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));
            UpdateRig.AssertAccepted(UpdateStatus.Updated, rig.Deploy(SignedArtifacts.Version2));

            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Deploy(SignedArtifacts.Version2));

            rig.AssertRuns(2, 2);
        }

        [TestMethod]
        public void LowerSequenceIsAReplay()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));
            UpdateRig.AssertAccepted(UpdateStatus.Updated, rig.Deploy(SignedArtifacts.Version2));

            UpdateRig.AssertRefused(UpdateRefusal.Replay, rig.Deploy(SignedArtifacts.Version1));

            rig.AssertRuns(2, 2);
        }

        [TestMethod]
        public void BundleSignedWithAnotherKeyIsRefused()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));

            // Sequence 5 would be above the slot's: only the signature can stop it.
            UpdateRig.AssertRefused(UpdateRefusal.BadSignature, rig.Deploy(SignedArtifacts.SignedByOther));

            rig.AssertRuns(1, 1);
        }

        [TestMethod]
        public void BoardWithAnotherKeyForTheTenantRefusesItsRealBundle()
        {
            UpdateRig rig = UpdateRig.StartWithKey(new MemoryStorage(), SignedArtifacts.OtherKey);

            UpdateRig.AssertRefused(UpdateRefusal.BadSignature, rig.Deploy(SignedArtifacts.Version1));

            rig.AssertEmpty(0);
        }
    }
}
