using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Bundle.Policies
{
    /// <summary>
    /// Encodes and strictly decodes <see cref="PolicyManifest"/> maps. A policy uses keys 20-27 and
    /// a removal exactly 20, 21, 22 and 29, all required and ascending; a function manifest
    /// (keys 1-12) and a signed command (keys 1-5) can never be read as either, nor the reverse.
    /// </summary>
    public static class PolicyManifestCodec
    {
        private const int KeyVersion = 20, KeyName = 21, KeySequence = 22, KeyDigest = 23, KeyImageSize = 24;
        private const int KeyHelpers = 25, KeyTenants = 26, KeyBudget = 27, KeyRemove = 29;

        public static byte[] Encode(PolicyManifest m)
        {
            CborWriter w = new CborWriter();
            w.WriteMapStart(m.Remove ? 4 : 8);
            w.WriteUInt(KeyVersion);
            w.WriteUInt(PolicyManifest.FormatVersion);
            w.WriteUInt(KeyName);
            w.WriteText(m.Name);
            w.WriteUInt(KeySequence);
            w.WriteUInt((ulong)m.Sequence);
            if (m.Remove)
            {
                w.WriteUInt(KeyRemove);
                w.WriteBool(true);
                return w.ToArray();
            }
            w.WriteUInt(KeyDigest);
            w.WriteBytes(m.Digest);
            w.WriteUInt(KeyImageSize);
            w.WriteUInt((ulong)m.ImageSize);
            w.WriteUInt(KeyHelpers);
            w.WriteArrayStart(m.Helpers.Length);
            for (int i = 0; i < m.Helpers.Length; i++)
            {
                w.WriteUInt((ulong)m.Helpers[i]);
            }
            w.WriteUInt(KeyTenants);
            w.WriteArrayStart(m.Tenants.Length);
            for (int i = 0; i < m.Tenants.Length; i++)
            {
                w.WriteText(m.Tenants[i]);
            }
            w.WriteUInt(KeyBudget);
            w.WriteUInt((ulong)m.InstructionBudget);
            return w.ToArray();
        }

        /// <summary>Decodes a policy manifest or removal; null with the reason in <paramref name="detail"/>.</summary>
        public static PolicyManifest Decode(byte[] buffer, int offset, int count, out BundleError error, out string detail)
        {
            error = BundleError.BadManifest;
            CborReader r = new CborReader(buffer, offset, count, ManifestCodec.MaxListItems);
            int pairs;
            if (!r.ReadMapStart(out pairs) || (pairs != 8 && pairs != 4))
            {
                detail = ImageCodec.Describe(r, "policy manifest must be a map of 8 keys (policy) or 4 (removal)");
                return null;
            }
            PolicyManifest m = new PolicyManifest();
            m.Remove = pairs == 4;
            ulong u;
            if (!Key(r, KeyVersion) || !r.ReadUInt(ulong.MaxValue, out u))
            {
                detail = ImageCodec.Describe(r, "policy manifest must start with key 20, the policy format version");
                return null;
            }
            if (u != PolicyManifest.FormatVersion)
            {
                error = BundleError.UnsupportedVersion;
                detail = "policy format version " + u + " is not supported (expected " + PolicyManifest.FormatVersion + ")";
                return null;
            }
            if (!Key(r, KeyName) || !r.ReadText(ManifestCodec.MaxTenantBytes, out m.Name) || !ManifestCodec.IsIdentifier(m.Name))
            {
                detail = ImageCodec.Describe(r, "key 21, the policy name, must be 1-32 characters of a-z, 0-9, '-' and '_'");
                return null;
            }
            if (!Key(r, KeySequence) || !r.ReadUInt(long.MaxValue, out u) || u == 0)
            {
                detail = ImageCodec.Describe(r, "key 22, the sequence, must be 1 to 2^63-1");
                return null;
            }
            m.Sequence = (long)u;
            detail = m.Remove ? ReadRemoval(r) : ReadPolicy(r, m);
            if (detail == null && !r.AtEnd)
            {
                detail = "policy manifest has trailing bytes";
            }
            if (detail != null)
            {
                return null;
            }
            error = BundleError.None;
            return m;
        }

        private static string ReadRemoval(CborReader r)
        {
            bool remove;
            return Key(r, KeyRemove) && r.ReadBool(out remove) && remove ? null
                : ImageCodec.Describe(r, "a removal's last key must be 29: true");
        }

        private static string ReadPolicy(CborReader r, PolicyManifest m)
        {
            int count;
            if (!Key(r, KeyDigest) || !r.ReadBytesCopy(32, out m.Digest) || m.Digest.Length != 32)
            {
                return ImageCodec.Describe(r, "key 23, the image digest, must be 32 bytes");
            }
            if (!Key(r, KeyImageSize) || !r.ReadInt32(out m.ImageSize) || m.ImageSize > ManifestCodec.MaxImageBytes)
            {
                return ImageCodec.Describe(r, "key 24, the image size, must be at most " + ManifestCodec.MaxImageBytes);
            }
            if (!Key(r, KeyHelpers) || !r.ReadArrayStart(out count) || count < 1 || count > PolicyManifest.MaxHelpers)
            {
                return ImageCodec.Describe(r, "key 25, the helpers decided, must list 1-" + PolicyManifest.MaxHelpers + " helper ids");
            }
            m.Helpers = new int[count];
            for (int i = 0; i < count; i++)
            {
                if (!r.ReadInt32(out m.Helpers[i]) || m.Helpers[i] > 255 || (i > 0 && m.Helpers[i] <= m.Helpers[i - 1]))
                {
                    return ImageCodec.Describe(r, "helper ids must be 0-255, ascending, without duplicates");
                }
            }
            if (!Key(r, KeyTenants) || !r.ReadArrayStart(out count) || count > PolicyManifest.MaxTenants)
            {
                return ImageCodec.Describe(r, "key 26, the tenants, must list at most " + PolicyManifest.MaxTenants + " (none: every tenant)");
            }
            m.Tenants = new string[count];
            for (int i = 0; i < count; i++)
            {
                if (!r.ReadText(ManifestCodec.MaxTenantBytes, out m.Tenants[i]) || !ManifestCodec.IsIdentifier(m.Tenants[i]))
                {
                    return ImageCodec.Describe(r, "tenant " + i + " must be 1-32 characters of a-z, 0-9, '-' and '_'");
                }
            }
            if (!Key(r, KeyBudget) || !r.ReadInt32(out m.InstructionBudget) || m.InstructionBudget < 1
                || m.InstructionBudget > PolicyManifest.MaxInstructionBudget)
            {
                return ImageCodec.Describe(r, "key 27, the instruction budget, must be 1-" + PolicyManifest.MaxInstructionBudget);
            }
            return null;
        }

        private static bool Key(CborReader r, int expected)
        {
            int key;
            return r.ReadInt32(out key) && key == expected;
        }
    }
}
