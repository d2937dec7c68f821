using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Update.Policies;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// The board owner's signed policies through the device's <see cref="PolicyInstaller"/>: install,
    /// replacement, replay (rollback) refusal, a tenant's signature refused, removal that keeps the
    /// sequence, and a reboot that restores what was installed and keeps every sequence.
    /// </summary>
    [TestClass]
    public class PolicyInstallerTests
    {
        private static PolicyInstaller Installer(UpdateRig rig, MemoryStorage drive)
        {
            return new PolicyInstaller(rig.Runtime, drive, SignedArtifacts.Bytes(SignedPolicies.OwnerKey));
        }

        private static PolicyResult Deploy(PolicyInstaller installer, string hex)
        {
            byte[] signed = SignedArtifacts.Bytes(hex);
            return installer.Deploy(signed, 0, signed.Length);
        }

        private static void AssertAccepted(UpdateStatus expected, PolicyResult r)
        {
            Assert.IsTrue(r.Ok, r.ToString());
            Assert.AreEqual((int)expected, (int)r.Status, r.ToString());
        }

        private static void AssertRefused(UpdateRefusal expected, PolicyResult r)
        {
            Assert.IsFalse(r.Ok, "accepted");
            Assert.AreEqual(UpdateRefusalText.Name(expected), UpdateRefusalText.Name(r.Refusal), r.Reason);
        }

        [TestMethod]
        public void ASignedPolicyInstallsAndANewerOneReplacesIt()
        {
            MemoryStorage drive = new MemoryStorage();
            PolicyInstaller installer = Installer(UpdateRig.Start(drive), drive);
            AssertAccepted(UpdateStatus.Installed, Deploy(installer, SignedPolicies.GuardV1));
            AssertAccepted(UpdateStatus.Updated, Deploy(installer, SignedPolicies.GuardV2));
            Assert.AreEqual(1, installer.Installed.Length);
            Assert.AreEqual(2L, installer.Installed[0].Sequence);
        }

        [TestMethod]
        public void AnOlderPolicyIsRefusedAsAReplay()
        {
            MemoryStorage drive = new MemoryStorage();
            PolicyInstaller installer = Installer(UpdateRig.Start(drive), drive);
            AssertAccepted(UpdateStatus.Installed, Deploy(installer, SignedPolicies.GuardV2));
            AssertRefused(UpdateRefusal.Replay, Deploy(installer, SignedPolicies.GuardV1));
            AssertRefused(UpdateRefusal.Replay, Deploy(installer, SignedPolicies.GuardV2));
            Assert.AreEqual(2L, installer.Installed[0].Sequence);
        }

        [TestMethod]
        public void APolicySignedWithATenantKeyIsRefused()
        {
            MemoryStorage drive = new MemoryStorage();
            PolicyInstaller installer = Installer(UpdateRig.Start(drive), drive);
            AssertRefused(UpdateRefusal.BadSignature, Deploy(installer, SignedPolicies.GuardByTenant));
            Assert.AreEqual(0, installer.Installed.Length);
            Assert.AreEqual(0, drive.List("").Length, "nothing stored");
        }

        [TestMethod]
        public void ARemovalKeepsTheSequence()
        {
            MemoryStorage drive = new MemoryStorage();
            PolicyInstaller installer = Installer(UpdateRig.Start(drive), drive);
            AssertAccepted(UpdateStatus.Installed, Deploy(installer, SignedPolicies.GuardV1));
            AssertAccepted(UpdateStatus.Removed, Deploy(installer, SignedPolicies.GuardRemoval3));
            Assert.AreEqual(0, installer.Installed.Length);
            AssertRefused(UpdateRefusal.Replay, Deploy(installer, SignedPolicies.GuardV2));
            Assert.AreEqual(3L, installer.SequenceOf("guard"));
        }

        [TestMethod]
        public void ARebootRestoresThePolicyAndItsSequence()
        {
            MemoryStorage drive = new MemoryStorage();
            AssertAccepted(UpdateStatus.Installed, Deploy(Installer(UpdateRig.Start(drive), drive), SignedPolicies.GuardV2));

            UpdateRig after = UpdateRig.Start(drive);
            PolicyInstaller again = Installer(after, drive);
            Assert.AreEqual(0, again.Boot().Length, "boot problems");

            HostcallPolicy guard = after.Runtime.Services.Policies.Find("guard");
            Assert.IsNotNull(guard);
            Assert.AreEqual(2L, guard.Sequence);
            AssertRefused(UpdateRefusal.Replay, Deploy(again, SignedPolicies.GuardV1));
        }
    }
}
