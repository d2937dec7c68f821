using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// What a tenant signs for one invocation (SIGNED-INVOKE-FORMAT.md next to BUNDLE-FORMAT.md):
    /// CBOR map {1: version 1, 2: device id, 3: tenant, 4: slot, 5: counter, 6: SHA-256 of the payload}.
    /// The device id binds it to one board, the counter orders it, the digest fixes the payload.
    /// </summary>
    public sealed class InvokeClaims
    {
        public const int FormatVersion = 1;
        /// <summary>Largest claims map accepted (a full one is under 140 bytes).</summary>
        public const int MaxClaimsBytes = 160;
        /// <summary>Longest device id a claim may name (the topic rule's limit).</summary>
        public const int MaxDeviceIdBytes = 64;

        private const int KeyVersion = 1, KeyDevice = 2, KeyTenant = 3, KeySlot = 4, KeyCounter = 5, KeyDigest = 6;

        public string DeviceId;
        public string Tenant;
        public int Slot;
        public long Counter;
        public byte[] PayloadDigest;

        public InvokeClaims(string deviceId, string tenant, int slot, long counter, byte[] payloadDigest)
        {
            DeviceId = deviceId;
            Tenant = tenant;
            Slot = slot;
            Counter = counter;
            PayloadDigest = payloadDigest;
        }

        /// <summary>SHA-256 of a payload slice, as key 6 holds it.</summary>
        public static byte[] DigestOf(byte[] payload, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(payload, offset, count);
            byte[] digest = new byte[Sha256.HashSize];
            sha.Final(digest, 0);
            return digest;
        }

        public byte[] Encode()
        {
            CborWriter w = new CborWriter();
            w.WriteMapStart(6);
            w.WriteUInt(KeyVersion);
            w.WriteUInt(FormatVersion);
            w.WriteUInt(KeyDevice);
            w.WriteText(DeviceId);
            w.WriteUInt(KeyTenant);
            w.WriteText(Tenant);
            w.WriteUInt(KeySlot);
            w.WriteUInt((ulong)Slot);
            w.WriteUInt(KeyCounter);
            w.WriteUInt((ulong)Counter);
            w.WriteUInt(KeyDigest);
            w.WriteBytes(PayloadDigest);
            return w.ToArray();
        }

        /// <summary>
        /// Strictly decodes a claims map: exactly keys 1-6 in order, each by its rule. Null with the
        /// reason otherwise.
        /// </summary>
        public static InvokeClaims Decode(byte[] buffer, int offset, int count, out string reason)
        {
            CborReader r = new CborReader(buffer, offset, count, 6);
            int pairs;
            int key;
            ulong version;
            if (!r.ReadMapStart(out pairs) || pairs != 6)
            {
                reason = "invoke claims must be a map of keys 1 to 6";
                return null;
            }
            if (!r.ReadInt32(out key) || key != KeyVersion || !r.ReadUInt(ulong.MaxValue, out version) || version != FormatVersion)
            {
                reason = "invoke claims key 1 must be version " + FormatVersion;
                return null;
            }
            string device;
            if (!r.ReadInt32(out key) || key != KeyDevice || !r.ReadText(MaxDeviceIdBytes, out device) || device.Length == 0)
            {
                reason = "invoke claims key 2 must be a device id of 1-" + MaxDeviceIdBytes + " bytes";
                return null;
            }
            string tenant;
            if (!r.ReadInt32(out key) || key != KeyTenant || !r.ReadText(ManifestCodec.MaxTenantBytes, out tenant)
                || !ManifestCodec.IsIdentifier(tenant))
            {
                reason = "invoke claims key 3 must be a tenant of 1-32 characters of a-z, 0-9, '-' and '_'";
                return null;
            }
            int slot;
            if (!r.ReadInt32(out key) || key != KeySlot || !r.ReadInt32(out slot) || slot > 255)
            {
                reason = "invoke claims key 4 must be a slot 0-255";
                return null;
            }
            ulong counter;
            if (!r.ReadInt32(out key) || key != KeyCounter || !r.ReadUInt(long.MaxValue, out counter) || counter == 0)
            {
                reason = "invoke claims key 5 must be a counter 1 to 2^63-1";
                return null;
            }
            byte[] digest;
            if (!r.ReadInt32(out key) || key != KeyDigest || !r.ReadBytesCopy(Sha256.HashSize, out digest) || digest.Length != Sha256.HashSize)
            {
                reason = "invoke claims key 6 must be the payload's 32-byte SHA-256";
                return null;
            }
            if (!r.AtEnd)
            {
                reason = "invoke claims have trailing bytes";
                return null;
            }
            reason = null;
            return new InvokeClaims(device, tenant, slot, (long)counter, digest);
        }
    }
}
