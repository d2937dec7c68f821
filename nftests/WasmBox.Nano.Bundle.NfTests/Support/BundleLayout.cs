using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Bundle.NfTests
{
    /// <summary>
    /// Where the parts of a bundle lie, found by walking its CBOR: [18([protected, {}, manifest,
    /// signature]), image]. Offsets are those of the byte strings' contents.
    /// </summary>
    internal sealed class BundleLayout
    {
        public int ProtectedOffset;
        public int ManifestOffset;
        public int ManifestLength;
        public int SignatureOffset;
        public int ImageOffset;
        public int ImageLength;

        public static BundleLayout Of(byte[] bundle)
        {
            CborReader r = new CborReader(bundle, 0, bundle.Length, 8);
            BundleLayout layout = new BundleLayout();
            int count;
            ulong tag;
            int length;
            int ignored;
            bool ok = r.ReadArrayStart(out count) && r.ReadTag(out tag) && r.ReadArrayStart(out count)
                && r.ReadBytes(16, out layout.ProtectedOffset, out length)
                && r.ReadMapStart(out count)
                && r.ReadBytes(4096, out layout.ManifestOffset, out layout.ManifestLength)
                && r.ReadBytes(64, out layout.SignatureOffset, out ignored)
                && r.ReadBytes(4096, out layout.ImageOffset, out layout.ImageLength)
                && r.AtEnd;
            if (!ok)
            {
                throw new System.ArgumentException("not a bundle: " + CborErrorText.Describe(r.Error) + " at " + r.ErrorOffset);
            }
            return layout;
        }

        /// <summary>Offset of <paramref name="needle"/> inside the manifest, or -1.</summary>
        public int FindInManifest(byte[] bundle, byte[] needle)
        {
            for (int i = ManifestOffset; i + needle.Length <= ManifestOffset + ManifestLength; i++)
            {
                int k = 0;
                while (k < needle.Length && bundle[i + k] == needle[k])
                {
                    k++;
                }
                if (k == needle.Length)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
