namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Big-integer operation counts of one <see cref="EcdsaP256Verifier"/>: a device-independent
    /// measure of verification cost (each count is one 256-bit modular operation).
    /// </summary>
    public sealed class P256Counters
    {
        // Fields, not auto-properties: incremented in the innermost arithmetic, where the
        // device's interpreter pays for every call.
        internal int fieldMultiplications;
        internal int fieldSquarings;
        internal int scalarMultiplications;
        internal int scalarInversions;
        internal int verifications;

        /// <summary>Multiplications modulo p (the field prime).</summary>
        public int FieldMultiplications { get { return fieldMultiplications; } }

        /// <summary>Squarings modulo p.</summary>
        public int FieldSquarings { get { return fieldSquarings; } }

        /// <summary>Montgomery multiplications modulo n (the group order).</summary>
        public int ScalarMultiplications { get { return scalarMultiplications; } }

        /// <summary>Inversions modulo n (one per signature that passes the range checks). Verification needs no inversion modulo p.</summary>
        public int ScalarInversions { get { return scalarInversions; } }

        /// <summary>Calls to a verify method, whatever their verdict.</summary>
        public int Verifications { get { return verifications; } }

        public void Reset()
        {
            fieldMultiplications = 0;
            fieldSquarings = 0;
            scalarMultiplications = 0;
            scalarInversions = 0;
            verifications = 0;
        }
    }
}
