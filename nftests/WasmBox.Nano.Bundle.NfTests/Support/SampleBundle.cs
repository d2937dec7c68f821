using WasmBox.Nano.Crypto.NfTests;

namespace WasmBox.Nano.Bundle.NfTests
{
    /// <summary>
    /// One real bundle, made once on the host with BundleWriter, ImageCodec, ManifestCodec and a
    /// .NET ECDsa P-256 key: tenant "acme", slot 1, sequence 3, name "blink", one timer hook
    /// (500 ms, entry 0), an image whose text is "mov r0, 7; exit" and whose one entry is "main".
    /// </summary>
    internal static class SampleBundle
    {
        public const string Hex =
            "82d28443a10126a05852ac0101026461636d6503010403055820fe8ca4f553abed95d9163d77efb0ab20"
            + "577c21b820faa97399afc2ebf44a03de06181d0765626c696e6b088183011901f40009800a800b800ca4"
            + "010002000300040058403238c9378ff2fb46c3155c4d188d0bba9fad8c9f55a9c85b8a4d10a0d69ac9b9"
            + "0fd3ad88b5ab094938e3029932fd9b02268fa59e351c6c3379d6cfe61fb04d9c581d8550b70000000700"
            + "000095000000000000004040008182646d61696e00";

        /// <summary>acme's public key (uncompressed SEC1).</summary>
        public const string AcmeKey = "0467a8a1be03fed988c5ef7613ba5caacd3c14b490bfa3c21008a375fa1e01b249"
            + "d8f35a673d0d0b94917c065a70f0bb2d3303ed3ca51e0e5bf8c3ec2e610b8f4f";

        /// <summary>Another tenant's key: valid, but not the one that signed.</summary>
        public const string OtherKey = "044b9ec3163cae68f136ca26195a9d3551711443bf9915a29dfaa67e5f7017b37c"
            + "14d0c401f267c7fa00abb17c51dbf3b2a3c00b338941ba9630449af764c3381c";

        public const string ImageText = "b7000000070000009500000000000000";

        public static byte[] Bytes()
        {
            return TestBytes.FromHex(Hex);
        }
    }
}
