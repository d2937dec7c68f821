namespace WasmBox.Nano.Bundle.Policies
{
    /// <summary>
    /// Checks a policy bundle (POLICY-FORMAT.md) in the order a board must: size and envelope,
    /// the policy manifest, the board owner's signature, then the image against the signed
    /// digest and size. Never throws on malformed input.
    /// </summary>
    public static class PolicyBundleReader
    {
        /// <summary>
        /// Opens a policy or a removal signed with <paramref name="ownerKey"/>. Returns the manifest, and in
        /// <paramref name="image"/> the code (null for a removal); null with the reason when anything is wrong.
        /// </summary>
        public static PolicyManifest Open(byte[] buffer, int offset, int count, byte[] ownerKey,
            out FunctionImage image, out BundleError error, out string detail)
        {
            image = null;
            ParsedBundle parsed = BundleReader.ParseEnvelope(buffer, offset, count, out error, out detail);
            if (parsed == null)
            {
                return null;
            }
            PolicyManifest m = PolicyManifestCodec.Decode(buffer, parsed.PayloadOffset, parsed.PayloadCount, out error, out detail);
            if (m == null)
            {
                return null;
            }
            if (ownerKey == null || !BundleReader.VerifySignature(parsed, ownerKey))
            {
                error = BundleError.BadSignature;
                detail = "signature does not verify with the board owner's key";
                return null;
            }
            if (m.Remove)
            {
                return OpenRemoval(parsed, m, out error, out detail);
            }
            image = BundleReader.OpenImage(parsed, m.ImageSize, m.Digest, out error, out detail);
            if (image == null)
            {
                return null;
            }
            if (image.Data.Length != 0 || image.BssSize != 0)
            {
                error = BundleError.BadImage;
                detail = "a policy has no .data or .bss: it keeps state in its store";
                image = null;
                return null;
            }
            return m;
        }

        private static PolicyManifest OpenRemoval(ParsedBundle parsed, PolicyManifest m, out BundleError error, out string detail)
        {
            if (parsed.ImageCount != 0)
            {
                error = BundleError.Malformed;
                detail = "a policy removal carries an empty image";
                return null;
            }
            error = BundleError.None;
            detail = null;
            return m;
        }
    }
}
