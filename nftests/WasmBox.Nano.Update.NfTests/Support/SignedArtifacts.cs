using WasmBox.Nano.Crypto.NfTests;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// Real signed artifacts, made once on the host with BundleWriter, ManifestCodec, ImageCodec,
    /// CommandWriter and .NET ECDsa P-256 keys. Every bundle is tenant "acme", slot 1, name
    /// "counter", one 100 ms timer hook on entry 0 ("main"), no helpers or pins, and an image
    /// whose text is "mov r0, version; exit" with version equal to the bundle's sequence.
    /// </summary>
    internal static class SignedArtifacts
    {
        /// <summary>acme's public key (uncompressed SEC1).</summary>
        public const string AcmeKey =
            "04b4c5cc521d1ce941dbb0e0dac6b54b2304c4e60841fd4f566344ce504eee906d6555df68239bd85f56"
            + "7df43a5fe95ae272f82ce328c34285878308fbe7a0681c";

        /// <summary>A valid P-256 key that is not acme's (it signed <see cref="SignedByOther"/>).</summary>
        public const string OtherKey =
            "042ce0b17603c91b05b018889769dabc4df44a568778907bff1a4b43e409f89d57de84d3aefcac751e6e"
            + "a9e7622964bbd61969a01b28b3ced6dd1b8f0819df98f4";

        /// <summary>Sequence 1, returns 1.</summary>
        public const string Version1 =
            "82d28443a10126a05853ac0101026461636d6503010401055820b6a7e2de50943ea3dc0c9619c7f8c4e0"
            + "06df9c7823eee91f4b5b23e92f1f6f5206181d0767636f756e7465720881830118640009800a800b800c"
            + "a401000200030004005840591954ef99fdd24273e955f39e5908ad470fc41e999c1f1ee09e0f9c88fe48"
            + "b6cd0c1fc00d73580fac92344852c732e2099dc55508e47b5e9fbc91c3584e9689581d8550b700000001"
            + "00000095000000000000004040008182646d61696e00";

        /// <summary>Sequence 2, returns 2.</summary>
        public const string Version2 =
            "82d28443a10126a05853ac0101026461636d6503010402055820f6b978c920316cafdda8498805ef749c"
            + "89ae6f89eaf2772bc17d0a84d209a53906181d0767636f756e7465720881830118640009800a800b800c"
            + "a401000200030004005840adc8fcc7e8d6f2bc1a86b3eb9cbc3583d025d8b63d1fc634d77ff016d1266d"
            + "d56d438aed193efc34919e036554a3a4cacfe08e859c9e7f36a6ea7c76b92ebd9b581d8550b700000002"
            + "00000095000000000000004040008182646d61696e00";

        /// <summary>The SHA-256 of version 2's image, as its manifest states it.</summary>
        public const string Version2Digest =
            "f6b978c920316cafdda8498805ef749c89ae6f89eaf2772bc17d0a84d209a539";

        /// <summary>Names acme, slot 1, sequence 5, but signed with the other key.</summary>
        public const string SignedByOther =
            "82d28443a10126a05853ac0101026461636d6503010405055820814791dbcc0224f206a078058b99e20c"
            + "fb9bda5d75b79394b3964b9007c6f3b206181d0767636f756e7465720881830118640009800a800b800c"
            + "a401000200030004005840490741428e6ac8685147bb963d9f78bbb53c13f9115450fc1fdf06a65214b6"
            + "510cc954df16974be1643fb67b25f4ee6427ddea2c38d7071c4a3c3eca7a9ec0fd581d8550b700000005"
            + "00000095000000000000004040008182646d61696e00";

        /// <summary>acme rolls slot 1 back, sequence 3.</summary>
        public const string Rollback =
            "d28443a10126a04fa50101026461636d65030104030502584055037cd80efe804e67c2517e1bf62aeef9"
            + "b73faaa2eeb3eab04f7eb4e86a1c76bd5e6bd85731bde0608e50f8e8031530a5173636c8ab3cc755f5b4"
            + "cf93e63901";

        /// <summary>acme removes slot 1, sequence 4.</summary>
        public const string Remove =
            "d28443a10126a04fa50101026461636d65030104040501584051e463b2e7baeb8c3b1f30749a4e0340f0"
            + "93667a8ae55b466ff8647e6601b7a9cd0beaa8ea6253bf3744b3d4ebe38efbd10e3eb969c7e1a846f4a2"
            + "e5c18cd031";

        public static byte[] Bytes(string hex)
        {
            return TestBytes.FromHex(hex);
        }
    }
}
