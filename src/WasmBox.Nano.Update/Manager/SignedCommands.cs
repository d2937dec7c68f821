using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// Reads a signed command: COSE_Sign1_Tagged (tag 18) with the bundles' ES256 protected
    /// header, an empty unprotected map, the command map as payload and a 64-byte signature,
    /// checked with the key of the tenant the command names. Never throws on malformed input.
    /// </summary>
    public static class CommandReader
    {
        /// <summary>Largest signed command accepted (a full one is under 150 bytes).</summary>
        public const int MaxSignedCommandBytes = 512;

        /// <summary>
        /// The verified command, or null with the refusal. <paramref name="named"/> is the command
        /// as it parsed, before its signature was checked (for reporting), or null.
        /// </summary>
        public static UpdateCommand Open(byte[] buffer, int offset, int count, ITenantKeyring keys,
            out UpdateCommand named, out UpdateRefusal refusal, out string reason)
        {
            named = null;
            refusal = UpdateRefusal.Malformed;
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                reason = "no command bytes";
                return null;
            }
            if (count > MaxSignedCommandBytes)
            {
                refusal = UpdateRefusal.TooLarge;
                reason = "command is " + count + " bytes, the limit is " + MaxSignedCommandBytes;
                return null;
            }
            CborReader r = new CborReader(buffer, offset, count, 4);
            int n;
            ulong tag;
            int protectedOffset;
            int protectedCount;
            int unprotectedCount;
            int payloadOffset;
            int payloadCount;
            int signatureOffset;
            int signatureCount;
            if (!r.ReadTag(out tag) || tag != CoseSign1.Tag || !r.ReadArrayStart(out n) || n != 4
                || !r.ReadBytes(16, out protectedOffset, out protectedCount))
            {
                reason = "command is not a COSE_Sign1 (tag 18, 4 items)" + At(r);
                return null;
            }
            if (!CoseSign1.IsEs256Header(buffer, protectedOffset, protectedCount))
            {
                refusal = UpdateRefusal.UnsupportedAlgorithm;
                reason = "COSE protected header must be exactly {1: -7} (ES256)";
                return null;
            }
            if (!r.ReadMapStart(out unprotectedCount) || unprotectedCount != 0
                || !r.ReadBytes(UpdateCommand.MaxCommandBytes, out payloadOffset, out payloadCount)
                || !r.ReadBytes(CoseSign1.SignatureSize, out signatureOffset, out signatureCount)
                || signatureCount != CoseSign1.SignatureSize || !r.AtEnd)
            {
                reason = "command envelope needs an empty unprotected map, a command of at most "
                    + UpdateCommand.MaxCommandBytes + " bytes and a 64-byte signature, and nothing after" + At(r);
                return null;
            }
            named = UpdateCommand.Decode(buffer, payloadOffset, payloadCount, out refusal, out reason);
            if (named == null)
            {
                return null;
            }
            byte[] key = keys.PublicKeyOf(named.Tenant);
            if (key == null)
            {
                refusal = UpdateRefusal.UnknownTenant;
                reason = "no key is provisioned for tenant " + named.Tenant;
                return null;
            }
            byte[] digest = CoseSign1.SigStructureDigest(buffer, protectedOffset, protectedCount, payloadOffset, payloadCount);
            byte[] signature = new byte[CoseSign1.SignatureSize];
            System.Array.Copy(buffer, signatureOffset, signature, 0, signature.Length);
            if (!EcdsaP256.VerifyDigest(key, digest, signature))
            {
                refusal = UpdateRefusal.BadSignature;
                reason = "signature does not verify with tenant " + named.Tenant + "'s key";
                return null;
            }
            refusal = UpdateRefusal.None;
            reason = null;
            return named;
        }

        /// <summary>" (what, at byte n)" when the reader stopped on an error, else empty: the tail of a refusal's reason.</summary>
        internal static string At(CborReader r)
        {
            return r.Error == CborError.None ? "" : " (" + CborErrorText.Describe(r.Error) + " at byte " + r.ErrorOffset + ")";
        }
    }

    /// <summary>Assembles signed commands (host tools sign <see cref="BytesToSign"/> with the tenant's ES256 key).</summary>
    public static class CommandWriter
    {
        /// <summary>The encoded command map.</summary>
        public static byte[] Encode(string tenant, int slot, long sequence, int action)
        {
            return new UpdateCommand(tenant, slot, sequence, action).Encode();
        }

        /// <summary>The bytes a signer signs for <paramref name="command"/> (the COSE Sig_structure).</summary>
        public static byte[] BytesToSign(byte[] command)
        {
            return CoseSign1.SigStructure(CoseSign1.ProtectedHeader(), command);
        }

        /// <summary>The signed command: the envelope around <paramref name="command"/> with its 64-byte r || s signature.</summary>
        public static byte[] Write(byte[] command, byte[] signature)
        {
            CborWriter w = new CborWriter();
            w.WriteTag(CoseSign1.Tag);
            w.WriteArrayStart(4);
            w.WriteBytes(CoseSign1.ProtectedHeader());
            w.WriteMapStart(0);
            w.WriteBytes(command);
            w.WriteBytes(signature);
            return w.ToArray();
        }
    }
}
