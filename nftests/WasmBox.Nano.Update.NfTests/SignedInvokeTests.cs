using nanoFramework.TestFramework;
using WasmBox.Nano.Bundle.NfTests;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// <see cref="SignedInvokes"/> on the device build: real ES256 signed invocations of acme slot 1
    /// (<see cref="SignedInvokeArtifacts"/>) accepted once, and refused unsigned, replayed, signed
    /// with another key, for another board, with a tampered payload, or after a reboot that kept the counter.
    /// </summary>
    [TestClass]
    public class SignedInvokeTests
    {
        [TestMethod]
        public void SignedInvocationIsAcceptedWithItsPayloadAndCounter()
        {
            MemoryStorage drive = new MemoryStorage();
            SignedInvokes check = Check(drive);
            byte[] message = SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1);
            int offset;
            int length;
            string reason;

            AssertCheck(InvokeCheck.Accepted, check.Check("acme", 1, message, message.Length, out offset, out length, out reason), reason);

            Assert.AreEqual(SignedInvokeArtifacts.Payload.Length, length);
            for (int i = 0; i < length; i++)
            {
                Assert.AreEqual((int)SignedInvokeArtifacts.Payload[i], (int)message[offset + i], "payload byte " + i);
            }
            Assert.AreEqual(1L, check.LastCounter("acme", 1));
        }

        [TestMethod]
        public void UnsignedPayloadIsRefused()
        {
            byte[] unsigned = new byte[] { 0x68, 0x65, 0x6c, 0x6c, 0x6f };

            AssertRefused(InvokeCheck.SignatureRequired, Check(new MemoryStorage()), unsigned);
        }

        [TestMethod]
        public void ReplayIsRefusedAndAHigherCounterStillRuns()
        {
            SignedInvokes check = Check(new MemoryStorage());
            Accept(check, SignedInvokeArtifacts.Counter2);

            AssertRefused(InvokeCheck.Replay, check, SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter2));
            AssertRefused(InvokeCheck.Replay, check, SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1));
            Assert.AreEqual(2L, check.LastCounter("acme", 1));
        }

        [TestMethod]
        public void ReplayAfterARebootIsRefused()
        {
            MemoryStorage drive = new MemoryStorage();
            Accept(Check(drive), SignedInvokeArtifacts.Counter1);

            AssertRefused(InvokeCheck.Replay, Check(drive), SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1));
        }

        [TestMethod]
        public void AnotherKeyIsRefused()
        {
            SignedInvokes check = Check(new MemoryStorage());

            AssertRefused(InvokeCheck.BadSignature, check, SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter3ByOther));
            Assert.AreEqual(0L, check.LastCounter("acme", 1));
        }

        [TestMethod]
        public void AnotherBoardsInvocationIsRefused()
        {
            AssertRefused(InvokeCheck.WrongTarget, Check(new MemoryStorage()), SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter3ForBoard2));
        }

        [TestMethod]
        public void AnotherSlotIsRefused()
        {
            byte[] message = SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1);
            int offset;
            int length;
            string reason;

            AssertCheck(InvokeCheck.WrongTarget, Check(new MemoryStorage()).Check("acme", 2, message, message.Length, out offset, out length, out reason), reason);
        }

        [TestMethod]
        public void TamperedPayloadIsRefused()
        {
            byte[] message = SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1);
            message[message.Length - 1] ^= 0x01;

            AssertRefused(InvokeCheck.DigestMismatch, Check(new MemoryStorage()), message);
        }

        [TestMethod]
        public void TamperedSignatureIsRefused()
        {
            byte[] message = SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1);
            message[message.Length - 10] ^= 0x01; // inside s

            AssertRefused(InvokeCheck.BadSignature, Check(new MemoryStorage()), message);
        }

        [TestMethod]
        public void TruncatedMessageIsMalformed()
        {
            byte[] message = SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1);
            byte[] cut = new byte[message.Length - 1];
            System.Array.Copy(message, cut, cut.Length);

            AssertRefused(InvokeCheck.Malformed, Check(new MemoryStorage()), cut);
        }

        [TestMethod]
        public void CounterThatCannotBeStoredRunsNothing()
        {
            MemoryStorage drive = new MemoryStorage();
            SignedInvokes check = Check(new FailingStorage(drive, 1, false));

            AssertRefused(InvokeCheck.StorageFailed, check, SignedArtifacts.Bytes(SignedInvokeArtifacts.Counter1));
            Assert.AreEqual(0L, Check(drive).LastCounter("acme", 1));
        }

        private static SignedInvokes Check(Runtime.Board.IStorage drive)
        {
            return new SignedInvokes(SignedInvokeArtifacts.Device,
                new OneTenantKeyring("acme", SignedArtifacts.Bytes(SignedInvokeArtifacts.AcmeKey)), drive);
        }

        private static void Accept(SignedInvokes check, string hex)
        {
            byte[] message = SignedArtifacts.Bytes(hex);
            int offset;
            int length;
            string reason;
            AssertCheck(InvokeCheck.Accepted, check.Check("acme", 1, message, message.Length, out offset, out length, out reason), reason);
        }

        private static void AssertRefused(InvokeCheck expected, SignedInvokes check, byte[] message)
        {
            int offset;
            int length;
            string reason;
            AssertCheck(expected, check.Check("acme", 1, message, message.Length, out offset, out length, out reason), reason);
            Assert.AreEqual(0, length, "a refusal hands out no payload");
            Assert.IsTrue(reason != null && reason.Length > 0, "a refusal says why");
        }

        private static void AssertCheck(InvokeCheck expected, InvokeCheck actual, string reason)
        {
            Assert.AreEqual((int)expected, (int)actual, "check " + (int)actual + ": " + reason);
        }
    }
}
