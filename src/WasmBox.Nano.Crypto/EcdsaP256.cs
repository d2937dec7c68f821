namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// ES256 verification through one shared, lock-protected <see cref="EcdsaP256Verifier"/>, so
    /// callers need not keep their own (the device keeps its working memory allocated once).
    /// </summary>
    public static class EcdsaP256
    {
        private static readonly object Gate = new object();
        private static EcdsaP256Verifier _shared;

        /// <summary>See <see cref="EcdsaP256Verifier.Verify"/>.</summary>
        public static bool Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature)
        {
            lock (Gate)
            {
                return Shared().Verify(publicKey, message, offset, count, signature);
            }
        }

        /// <summary>See <see cref="EcdsaP256Verifier.VerifyDigest"/>.</summary>
        public static bool VerifyDigest(byte[] publicKey, byte[] digest, byte[] signature)
        {
            lock (Gate)
            {
                return Shared().VerifyDigest(publicKey, digest, signature);
            }
        }

        private static EcdsaP256Verifier Shared()
        {
            if (_shared == null)
            {
                _shared = new EcdsaP256Verifier();
            }

            return _shared;
        }
    }
}
