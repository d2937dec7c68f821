using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// The signed invocation message (SIGNED-INVOKE-FORMAT.md): CBOR array of 2, a COSE_Sign1 with
    /// the bundles' ES256 envelope whose payload is <see cref="InvokeClaims"/>, and the invocation
    /// payload as a byte string. The signature's Sig_structure carries <see cref="ExternalAad"/>, so
    /// no bundle or command signature can ever verify as an invocation, nor the other way round.
    /// </summary>
    public static class SignedInvokeCodec
    {
        /// <summary>Most bytes the envelope adds to a payload (heads, header, claims, signature).</summary>
        public const int MaxOverheadBytes = 256;

        /// <summary>The external AAD of an invocation's Sig_structure: ASCII "wasmbox-nano/invoke/1".</summary>
        public static byte[] ExternalAad()
        {
            return new byte[]
            {
                0x77, 0x61, 0x73, 0x6d, 0x62, 0x6f, 0x78, 0x2d, 0x6e, 0x61, 0x6e, 0x6f, 0x2f,
                0x69, 0x6e, 0x76, 0x6f, 0x6b, 0x65, 0x2f, 0x31,
            };
        }

        /// <summary>The bytes a signer signs for encoded claims (the COSE Sig_structure with the invoke AAD).</summary>
        public static byte[] BytesToSign(byte[] claims)
        {
            return CoseSign1.SigStructure(CoseSign1.ProtectedHeader(), ExternalAad(), claims);
        }

        /// <summary>
        /// The signed invocation: laid out exactly as a bundle is, with the claims in the manifest's
        /// place and the payload in the image's (the external AAD is what sets them apart).
        /// </summary>
        public static byte[] Write(byte[] claims, byte[] signature, byte[] payload)
        {
            return BundleWriter.Write(claims, signature, payload);
        }

        /// <summary>
        /// True when the message starts as a signed invocation does (array of 2, tag 18): the
        /// difference between an unsigned payload and a damaged signed one.
        /// </summary>
        public static bool LooksSigned(byte[] buffer, int offset, int count)
        {
            return count >= 2 && buffer[offset] == 0x82 && buffer[offset + 1] == 0xd2;
        }

        /// <summary>
        /// Splits a signed invocation into its slices; false, with the reason, when it is not
        /// exactly the documented shape. Nothing is verified here.
        /// </summary>
        public static bool Read(byte[] buffer, int offset, int count, SignedInvokeParts parts, out string reason)
        {
            CborReader r = new CborReader(buffer, offset, count, 4);
            int n;
            ulong tag;
            int unprotectedCount;
            if (!r.ReadArrayStart(out n) || n != 2 || !r.ReadTag(out tag) || tag != CoseSign1.Tag
                || !r.ReadArrayStart(out n) || n != 4 || !r.ReadBytes(16, out parts.ProtectedOffset, out parts.ProtectedCount))
            {
                reason = "a signed invocation is [COSE_Sign1 (tag 18, 4 items), payload]" + CommandReader.At(r);
                return false;
            }
            if (!CoseSign1.IsEs256Header(buffer, parts.ProtectedOffset, parts.ProtectedCount))
            {
                reason = "COSE protected header must be exactly {1: -7} (ES256)";
                return false;
            }
            if (!r.ReadMapStart(out unprotectedCount) || unprotectedCount != 0
                || !r.ReadBytes(InvokeClaims.MaxClaimsBytes, out parts.ClaimsOffset, out parts.ClaimsCount)
                || !r.ReadBytes(CoseSign1.SignatureSize, out parts.SignatureOffset, out parts.SignatureCount)
                || parts.SignatureCount != CoseSign1.SignatureSize
                || !r.ReadBytes(count, out parts.PayloadOffset, out parts.PayloadCount) || !r.AtEnd)
            {
                reason = "a signed invocation needs an empty unprotected map, claims of at most " + InvokeClaims.MaxClaimsBytes
                    + " bytes, a 64-byte signature and the payload, and nothing after" + CommandReader.At(r);
                return false;
            }
            reason = null;
            return true;
        }
    }

    /// <summary>Where the pieces of a signed invocation lie in the message buffer.</summary>
    public sealed class SignedInvokeParts
    {
        public int ProtectedOffset;
        public int ProtectedCount;
        public int ClaimsOffset;
        public int ClaimsCount;
        public int SignatureOffset;
        public int SignatureCount;
        public int PayloadOffset;
        public int PayloadCount;
    }
}
