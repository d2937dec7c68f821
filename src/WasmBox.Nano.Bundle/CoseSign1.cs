using WasmBox.Nano.Cbor;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Bundle
{
    /// <summary>
    /// The COSE_Sign1 pieces bundles use (RFC 9052 §4.2 and §4.4), ES256 only: the fixed
    /// protected header, the Sig_structure that is signed, and its verification. The payload is
    /// hashed where it lies in the bundle; nothing is copied.
    /// </summary>
    public static class CoseSign1
    {
        public const ulong Tag = 18;
        public const int SignatureSize = 64;

        /// <summary>The empty external AAD of bundles and signed commands.</summary>
        private static readonly byte[] NoExternalAad = new byte[0];

        /// <summary>The encoded protected header { 1: -7 } (alg: ES256).</summary>
        public static byte[] ProtectedHeader()
        {
            return new byte[] { 0xa1, 0x01, 0x26 };
        }

        /// <summary>True when the bytes are exactly the ES256 protected header.</summary>
        public static bool IsEs256Header(byte[] buffer, int offset, int count)
        {
            return count == 3 && buffer[offset] == 0xa1 && buffer[offset + 1] == 0x01 && buffer[offset + 2] == 0x26;
        }

        /// <summary>The encoded Sig_structure ["Signature1", protected, h'', payload] (host signing side).</summary>
        public static byte[] SigStructure(byte[] protectedHeader, byte[] payload)
        {
            return SigStructure(protectedHeader, NoExternalAad, payload);
        }

        /// <summary>
        /// The encoded Sig_structure ["Signature1", protected, externalAad, payload]: a non-empty
        /// external AAD separates a kind of signed message from every other (signed invokes use one).
        /// </summary>
        public static byte[] SigStructure(byte[] protectedHeader, byte[] externalAad, byte[] payload)
        {
            CborWriter w = new CborWriter();
            WritePrefix(w, protectedHeader, 0, protectedHeader.Length, externalAad, payload.Length);
            w.WriteEncoded(payload);
            return w.ToArray();
        }

        /// <summary>SHA-256 of the Sig_structure over a protected header and payload that are slices of <paramref name="buffer"/>.</summary>
        public static byte[] SigStructureDigest(byte[] buffer, int protectedOffset, int protectedCount, int payloadOffset, int payloadCount)
        {
            return SigStructureDigest(buffer, protectedOffset, protectedCount, NoExternalAad, payloadOffset, payloadCount);
        }

        /// <summary>As above, with an external AAD in the Sig_structure.</summary>
        public static byte[] SigStructureDigest(byte[] buffer, int protectedOffset, int protectedCount, byte[] externalAad,
            int payloadOffset, int payloadCount)
        {
            CborWriter prefix = new CborWriter();
            WritePrefix(prefix, buffer, protectedOffset, protectedCount, externalAad, payloadCount);
            byte[] head = prefix.ToArray();
            Sha256 sha = new Sha256();
            sha.Update(head, 0, head.Length);
            sha.Update(buffer, payloadOffset, payloadCount);
            byte[] digest = new byte[Sha256.HashSize];
            sha.Final(digest, 0);
            return digest;
        }

        /// <summary>Everything of the Sig_structure up to the payload bytes themselves.</summary>
        private static void WritePrefix(CborWriter w, byte[] header, int headerOffset, int headerCount, byte[] externalAad, int payloadCount)
        {
            w.WriteArrayStart(4);
            w.WriteText("Signature1");
            w.WriteBytes(header, headerOffset, headerCount);
            w.WriteBytes(externalAad, 0, externalAad.Length);
            w.WriteBytesHead(payloadCount);
        }
    }
}
