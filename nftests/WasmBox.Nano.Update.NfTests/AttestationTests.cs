using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto.NfTests;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>The board's <see cref="Attestor"/> answers a challenge; the owner's <see cref="AttestationVerifier"/> checks it.</summary>
    [TestClass]
    public class AttestationTests
    {
        private const string DeviceId = "nftest-board";

        [TestMethod]
        public void ReportVerifiesWithTheDeviceKeyAndListsTheFunction()
        {
            UpdateRig rig = Updated();
            byte[] nonce = Nonce();

            byte[] answer = Attest(rig, nonce);
            AttestationReport report;
            string problem = AttestationVerifier.Verify(answer, DeviceKey(), nonce, out report);

            Assert.IsNull(problem, problem);
            Assert.AreEqual(DeviceId, report.DeviceId);
            Assert.AreEqual(rig.Board.FakeClock.NowMs, report.UptimeMs, "uptime");
            Assert.AreEqual(1, report.Functions.Length, "attested functions");
            AttestedFunction f = report.Functions[0];
            Assert.AreEqual(UpdateRig.Tenant, f.Tenant);
            Assert.AreEqual(UpdateRig.Slot, f.Slot);
            Assert.AreEqual(2L, f.Sequence, "attested sequence");
            CollectionAssert.AreEqual(TestBytes.FromHex(SignedArtifacts.Version2Digest), f.Digest, "attested image digest");
        }

        [TestMethod]
        public void ReportFailsWithAnotherKey()
        {
            byte[] nonce = Nonce();
            byte[] answer = Attest(Updated(), nonce);
            byte[] wrongKey = DeviceKey();
            wrongKey[0] ^= 1;
            AttestationReport report;

            string problem = AttestationVerifier.Verify(answer, wrongKey, nonce, out report);

            Assert.IsNotNull(problem, "a report checked with the wrong key verified");
            Assert.StartsWith("bad-tag", problem);
        }

        [TestMethod]
        public void ReportFailsForAnotherNonce()
        {
            byte[] answer = Attest(Updated(), Nonce());
            byte[] otherNonce = Nonce();
            otherNonce[15] ^= 0x80;
            AttestationReport report;

            string problem = AttestationVerifier.Verify(answer, DeviceKey(), otherNonce, out report);

            Assert.IsNotNull(problem, "a recorded answer verified for a new challenge");
            Assert.StartsWith("nonce-mismatch", problem);
        }

        private static byte[] Attest(UpdateRig rig, byte[] nonce)
        {
            return new Attestor(DeviceId, DeviceKey(), rig.Updates, "wasmbox-nano 0.1").Report(nonce);
        }

        private static UpdateRig Updated()
        {
            UpdateRig rig = UpdateRig.Start(new MemoryStorage());
            UpdateRig.AssertAccepted(UpdateStatus.Installed, rig.Deploy(SignedArtifacts.Version1));
            UpdateRig.AssertAccepted(UpdateStatus.Updated, rig.Deploy(SignedArtifacts.Version2));
            return rig;
        }

        private static byte[] DeviceKey()
        {
            return TestBytes.FromAscii("nftest device key, 32 bytes long");
        }

        private static byte[] Nonce()
        {
            return TestBytes.FromHex("00112233445566778899aabbccddeeff");
        }
    }
}
