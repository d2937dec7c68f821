using WasmBox.Nano.Cbor;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Bundle
{
    /// <summary>Public keys of the tenants provisioned on a board.</summary>
    public interface ITenantKeyring
    {
        /// <summary>The tenant's 65-byte uncompressed P-256 public key, or null when unknown.</summary>
        byte[] PublicKeyOf(string tenant);
    }

    /// <summary>A bundle whose structure and manifest parsed; its parts are slices of the input.</summary>
    public sealed class ParsedBundle
    {
        internal byte[] Buffer;
        internal int ProtectedOffset;
        internal int ProtectedCount;
        internal int PayloadOffset;
        internal int PayloadCount;
        internal int SignatureOffset;
        internal int ImageOffset;
        internal int ImageCount;

        public Manifest Manifest { get; internal set; }

        /// <summary>The manifest exactly as signed (for storage and attestation).</summary>
        public byte[] ManifestBytes()
        {
            byte[] copy = new byte[PayloadCount];
            System.Array.Copy(Buffer, PayloadOffset, copy, 0, PayloadCount);
            return copy;
        }
    }

    /// <summary>
    /// Checks a bundle in the order a board must: size before anything, structure and manifest
    /// (no crypto), then the tenant's signature over the manifest, then the image's size and
    /// SHA-256 against the manifest, then the image's own structure. Each step reports a
    /// <see cref="BundleError"/> with a detail text and never throws on malformed input.
    /// </summary>
    public static class BundleReader
    {
        public const int MaxBundleBytes = 80 * 1024;

        /// <summary>Everything at once: parse, verify with the tenant's key, open the image.</summary>
        public static FunctionImage Open(byte[] buffer, int offset, int count, ITenantKeyring keys,
            out ParsedBundle parsed, out BundleError error, out string detail)
        {
            parsed = Parse(buffer, offset, count, out error, out detail);
            if (parsed == null)
            {
                return null;
            }
            byte[] key = keys.PublicKeyOf(parsed.Manifest.Tenant);
            if (key == null)
            {
                error = BundleError.UnknownTenant;
                detail = "no key is provisioned for tenant " + parsed.Manifest.Tenant;
                return null;
            }
            if (!VerifySignature(parsed, key))
            {
                error = BundleError.BadSignature;
                detail = "signature does not verify with tenant " + parsed.Manifest.Tenant + "'s key";
                return null;
            }
            return OpenImage(parsed, out error, out detail);
        }

        /// <summary>Parses the envelope and the manifest. No signature is checked yet.</summary>
        public static ParsedBundle Parse(byte[] buffer, int offset, int count, out BundleError error, out string detail)
        {
            ParsedBundle b = ParseEnvelope(buffer, offset, count, out error, out detail);
            if (b == null)
            {
                return null;
            }
            b.Manifest = ManifestCodec.Decode(buffer, b.PayloadOffset, b.PayloadCount, out error, out detail);
            return b.Manifest == null ? null : b;
        }

        /// <summary>
        /// Parses [COSE_Sign1, image] without reading the signed payload: bundles and policy
        /// bundles (POLICY-FORMAT.md) share this envelope and differ in the payload.
        /// </summary>
        internal static ParsedBundle ParseEnvelope(byte[] buffer, int offset, int count, out BundleError error, out string detail)
        {
            error = BundleError.Malformed;
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                detail = "no bundle bytes";
                return null;
            }
            if (count > MaxBundleBytes)
            {
                error = BundleError.TooLarge;
                detail = "bundle is " + count + " bytes, the limit is " + MaxBundleBytes;
                return null;
            }
            CborReader r = new CborReader(buffer, offset, count, 8);
            ParsedBundle b = new ParsedBundle();
            b.Buffer = buffer;
            int n;
            ulong tag;
            if (!r.ReadArrayStart(out n) || n != 2 || !r.ReadTag(out tag) || tag != CoseSign1.Tag
                || !r.ReadArrayStart(out n) || n != 4)
            {
                detail = ImageCodec.Describe(r, "bundle is not [COSE_Sign1 (tag 18, 4 items), image]");
                return null;
            }
            if (!r.ReadBytes(16, out b.ProtectedOffset, out b.ProtectedCount))
            {
                detail = ImageCodec.Describe(r, "COSE protected header is not a short byte string");
                return null;
            }
            if (!CoseSign1.IsEs256Header(buffer, b.ProtectedOffset, b.ProtectedCount))
            {
                error = BundleError.UnsupportedAlgorithm;
                detail = "COSE protected header must be exactly {1: -7} (ES256)";
                return null;
            }
            int unprotectedCount;
            int signatureCount;
            if (!r.ReadMapStart(out unprotectedCount) || unprotectedCount != 0)
            {
                detail = ImageCodec.Describe(r, "COSE unprotected header must be an empty map");
                return null;
            }
            if (!r.ReadBytes(ManifestCodec.MaxManifestBytes, out b.PayloadOffset, out b.PayloadCount))
            {
                detail = ImageCodec.Describe(r, "COSE payload must be a manifest of at most " + ManifestCodec.MaxManifestBytes + " bytes");
                return null;
            }
            if (!r.ReadBytes(CoseSign1.SignatureSize, out b.SignatureOffset, out signatureCount)
                || signatureCount != CoseSign1.SignatureSize)
            {
                detail = ImageCodec.Describe(r, "COSE signature must be 64 bytes (r || s)");
                return null;
            }
            if (!r.ReadBytes(ManifestCodec.MaxImageBytes, out b.ImageOffset, out b.ImageCount) || !r.AtEnd)
            {
                detail = ImageCodec.Describe(r, "image must be one byte string of at most " + ManifestCodec.MaxImageBytes + " bytes ending the bundle");
                return null;
            }
            error = BundleError.None;
            detail = null;
            return b;
        }

        /// <summary>True when the signature over the manifest verifies with <paramref name="publicKey"/>.</summary>
        public static bool VerifySignature(ParsedBundle bundle, byte[] publicKey)
        {
            byte[] digest = CoseSign1.SigStructureDigest(bundle.Buffer, bundle.ProtectedOffset, bundle.ProtectedCount,
                bundle.PayloadOffset, bundle.PayloadCount);
            byte[] signature = new byte[CoseSign1.SignatureSize];
            System.Array.Copy(bundle.Buffer, bundle.SignatureOffset, signature, 0, signature.Length);
            return EcdsaP256.VerifyDigest(publicKey, digest, signature);
        }

        /// <summary>Checks the image against the manifest's size and digest, then decodes it.</summary>
        public static FunctionImage OpenImage(ParsedBundle bundle, out BundleError error, out string detail)
        {
            Manifest m = bundle.Manifest;
            FunctionImage image = OpenImage(bundle, m.ImageSize, m.Digest, out error, out detail);
            if (image == null)
            {
                return null;
            }
            for (int i = 0; i < m.Hooks.Length; i++)
            {
                if (m.Hooks[i].Entry >= image.Entries.Length)
                {
                    error = BundleError.BadManifest;
                    detail = "hook " + i + " names entry " + m.Hooks[i].Entry + " but the image has " + image.Entries.Length;
                    return null;
                }
            }
            error = BundleError.None;
            detail = null;
            return image;
        }

        /// <summary>Checks the image against a signed size and SHA-256, then decodes it.</summary>
        internal static FunctionImage OpenImage(ParsedBundle bundle, int size, byte[] expectedDigest, out BundleError error, out string detail)
        {
            if (bundle.ImageCount != size)
            {
                error = BundleError.DigestMismatch;
                detail = "image is " + bundle.ImageCount + " bytes, the manifest says " + size;
                return null;
            }
            byte[] digest = Sha256.Hash(bundle.Buffer, bundle.ImageOffset, bundle.ImageCount);
            for (int i = 0; i < digest.Length; i++)
            {
                if (digest[i] != expectedDigest[i])
                {
                    error = BundleError.DigestMismatch;
                    detail = "image SHA-256 differs from the manifest's digest";
                    return null;
                }
            }
            FunctionImage image = ImageCodec.Decode(bundle.Buffer, bundle.ImageOffset, bundle.ImageCount, out detail);
            error = image == null ? BundleError.BadImage : BundleError.None;
            return image;
        }
    }

    /// <summary>Assembles bundle bytes from a manifest, its signature and the image (host tools).</summary>
    public static class BundleWriter
    {
        /// <summary>The bytes a signer signs for <paramref name="manifest"/> (the COSE Sig_structure).</summary>
        public static byte[] BytesToSign(byte[] manifest)
        {
            return CoseSign1.SigStructure(CoseSign1.ProtectedHeader(), manifest);
        }

        public static byte[] Write(byte[] manifest, byte[] signature, byte[] image)
        {
            CborWriter w = new CborWriter();
            w.WriteArrayStart(2);
            w.WriteTag(CoseSign1.Tag);
            w.WriteArrayStart(4);
            w.WriteBytes(CoseSign1.ProtectedHeader());
            w.WriteMapStart(0);
            w.WriteBytes(manifest);
            w.WriteBytes(signature);
            w.WriteBytes(image);
            return w.ToArray();
        }
    }
}
