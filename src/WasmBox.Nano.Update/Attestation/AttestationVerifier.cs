using WasmBox.Nano.Cbor;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Update
{
    /// <summary>Checks an attestation message with the device key (the verifier holds the same secret).</summary>
    public static class AttestationVerifier
    {
        /// <summary>
        /// Null when <paramref name="message"/> is a report for <paramref name="expectedNonce"/>
        /// authenticated with <paramref name="deviceKey"/>, and then <paramref name="report"/> is
        /// set; otherwise the reason, starting with malformed, bad-tag or nonce-mismatch.
        /// </summary>
        public static string Verify(byte[] message, byte[] deviceKey, byte[] expectedNonce, out AttestationReport report)
        {
            report = null;
            if (deviceKey == null || expectedNonce == null)
            {
                throw new System.ArgumentNullException(deviceKey == null ? "deviceKey" : "expectedNonce");
            }
            if (message == null)
            {
                return "malformed: no message";
            }
            CborReader r = new CborReader(message, 0, message.Length, 2);
            int n;
            int reportOffset;
            int reportCount;
            int tagOffset;
            int tagCount;
            if (!r.ReadArrayStart(out n) || n != 2 || !r.ReadBytes(message.Length, out reportOffset, out reportCount)
                || !r.ReadBytes(HmacSha256.TagSize, out tagOffset, out tagCount) || tagCount != HmacSha256.TagSize || !r.AtEnd)
            {
                return "malformed: message must be [report bstr, 32-byte tag bstr]";
            }
            byte[] expectedTag = HmacSha256.Compute(deviceKey, message, reportOffset, reportCount);
            if (!SameBytes(expectedTag, 0, message, tagOffset, HmacSha256.TagSize))
            {
                return "bad-tag: the tag does not verify with this device key (another key, or an altered report)";
            }
            string problem;
            AttestationReport decoded = AttestationReport.Decode(message, reportOffset, reportCount, out problem);
            if (decoded == null)
            {
                return "malformed: " + problem;
            }
            if (decoded.Nonce.Length != expectedNonce.Length || !SameBytes(decoded.Nonce, 0, expectedNonce, 0, expectedNonce.Length))
            {
                return "nonce-mismatch: the report answers another challenge (stale or replayed)";
            }
            report = decoded;
            return null;
        }

        /// <summary>Compares without stopping at the first difference, so timing does not reveal where a forged tag goes wrong.</summary>
        internal static bool SameBytes(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            if (a.Length - aOffset < count || b.Length - bOffset < count)
            {
                return false;
            }
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }
            return difference == 0;
        }
    }
}
