namespace WasmBox.Nano.Crypto.NfTests
{
    /// <summary>
    /// ES256 triples made once with .NET's ECDsa (nistP256, SignData with SHA-256, IEEE P1363
    /// r || s) and checked by it; fixed here so the device checks the same bytes.
    /// </summary>
    internal static class EcdsaVectors
    {
        public const string Message1 = "wasmbox nano";
        public const string Key1 = "043f9fcd462ea3b57ad9e51b02494ecc58d2711e0903471e616220cd27368c8387"
            + "5747c5710596222f136ca417e70865f4686590dfbbcd82dbb026928649d465f7";
        public const string R1 = "60856630a1c7e2ecb37427f4c51440e1834cf6a51c1ee02f3000a0f5dac2e397";
        public const string S1 = "7cf220c5d08f6dd0714bf45fa33b7577149ecd73c54df5a390a439100b84c2f9";
        public const string Signature1 = R1 + S1;

        /// <summary>n - S1: the other valid s of the same signature.</summary>
        public const string HighS1 = "830ddf392f7092308eb40ba05cc48a88a8482d39e1c9a8e1631591b2f0de6258";

        /// <summary>SHA-256 of <see cref="Message1"/>.</summary>
        public const string Digest1 = "03b1095c723e2c5405ff1afbde6419a563e1655af6bdef096ebe30ecce8e7442";

        public const string Message2 = "";
        public const string Key2 = "04897f5992ebaf910a5aeb603181310009936751b924b9b14aca09292c96ccddba"
            + "f8044bb5f4ccf49909005d66746f5ec0ac7c5023e494cbdf5388ce16b8eb75fa";
        public const string Signature2 = "476c286c72ad1013fd3b344781574259020601c366e9ea540143b4f587e22287"
            + "57e771e1648cd3390904ff4570dee86caa5f734399f45c77e5b08ad80ae02294";

        public const string Message3 = "The quick brown fox jumps over the lazy dog";
        public const string Key3 = "04c0b95ced71479e984fbf2de49f6a2f5e6857993aa608f934e585d3aa295101cd"
            + "6c2dd88207ce27b85e2a1274ed018e7ff85c8778cedf139c1089ffa54c0e57c1";
        public const string Signature3 = "80068f5aaa4fbc75b5cdd589df2be45a8c46e67a90d2e827773492a64a9968b3"
            + "c9b6f6987f9ee2e4ac1b04ca179bf7e68a9fd8cb19881f1d570562672550307c";

        /// <summary>The order of the P-256 group.</summary>
        public const string N = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

        public const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";
    }
}
