namespace WasmBox.Nano.Bundle
{
    /// <summary>Why a bundle was refused. Stable numbers: they travel in deploy results.</summary>
    public enum BundleError
    {
        None = 0,
        /// <summary>Larger than the board accepts; nothing was buffered.</summary>
        TooLarge = 1,
        /// <summary>Not a CBOR bundle of the documented shape.</summary>
        Malformed = 2,
        /// <summary>The COSE protected header is not exactly { 1: -7 } (ES256).</summary>
        UnsupportedAlgorithm = 3,
        /// <summary>The manifest is malformed or breaks a field rule.</summary>
        BadManifest = 4,
        /// <summary>The manifest's format version is not 1.</summary>
        UnsupportedVersion = 5,
        /// <summary>No key is provisioned for the tenant the manifest names.</summary>
        UnknownTenant = 6,
        /// <summary>The signature does not verify with the tenant's key.</summary>
        BadSignature = 7,
        /// <summary>The image's size or SHA-256 differs from the manifest's.</summary>
        DigestMismatch = 8,
        /// <summary>The image is malformed.</summary>
        BadImage = 9,
    }

    /// <summary>Short names for <see cref="BundleError"/> (nanoFramework's Enum.ToString prints numbers).</summary>
    public static class BundleErrorText
    {
        public static string Name(BundleError error)
        {
            switch (error)
            {
                case BundleError.None: return "ok";
                case BundleError.TooLarge: return "too-large";
                case BundleError.Malformed: return "malformed";
                case BundleError.UnsupportedAlgorithm: return "unsupported-algorithm";
                case BundleError.BadManifest: return "bad-manifest";
                case BundleError.UnsupportedVersion: return "unsupported-version";
                case BundleError.UnknownTenant: return "unknown-tenant";
                case BundleError.BadSignature: return "bad-signature";
                case BundleError.DigestMismatch: return "digest-mismatch";
                case BundleError.BadImage: return "bad-image";
                default: return "unknown";
            }
        }
    }
}
