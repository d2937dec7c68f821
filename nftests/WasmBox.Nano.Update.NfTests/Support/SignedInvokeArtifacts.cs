namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// Signed invocations (SIGNED-INVOKE-FORMAT.md) made once on the host by an encoder written
    /// apart from the device code (Python's cryptography package, from the format document) with
    /// fresh P-256 keys: the device reads what the document describes, not only what its own writer makes.
    /// </summary>
    internal static class SignedInvokeArtifacts
    {
        public const string Device = "board-1";

        public const string Payload = "hello";

        /// <summary>acme's public key (uncompressed SEC1) for signed invocations.</summary>
        public const string AcmeKey =
            "04d34cb2a885dfdefe778f418ae32a3fa46cee4da83e0096677ef9512f79f83ec2de8b4fecb1911444c085"
            + "d07742dfba62974f5cd05d4bf9fec54e25f5fdcda322";

        /// <summary>board-1, acme slot 1, counter 1, payload "hello".</summary>
        public const string Counter1 =
            "82d28443a10126a05839a601010267626f6172642d31036461636d65040105010658202cf24dba5fb0a30e"
            + "26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982458406b7547ed4c3cc5cb07ca67b7e0590640b2"
            + "9465e2b891c2328c1cd36c85ce4ef282f3d9220811db7bf01def6137a6a76b24057d3029d65223e03c0e47"
            + "156653054568656c6c6f";

        /// <summary>board-1, acme slot 1, counter 2, payload "hello".</summary>
        public const string Counter2 =
            "82d28443a10126a05839a601010267626f6172642d31036461636d65040105020658202cf24dba5fb0a30e"
            + "26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98245840f47ffa1b212d4f8dfa75cc33f96c093196"
            + "242dad489e9dd669cb7f4acae12f44c7a41bf7c3b6a9ea99af494a387fc724f0c3666a66e7aef3db2e5697"
            + "fcbfc22d4568656c6c6f";

        /// <summary>board-1, acme slot 1, counter 3, payload "hello", signed with a key that is not acme's.</summary>
        public const string Counter3ByOther =
            "82d28443a10126a05839a601010267626f6172642d31036461636d65040105030658202cf24dba5fb0a30e"
            + "26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824584014fc6eb513a831a1921b54ad4428ac72f7"
            + "6f4ea9e68dc519b862a4ce74a9c4203520177b43cafb274a91a4125d4c2db1a16a0015b7e2fa190b2c60c4"
            + "036bd11a4568656c6c6f";

        /// <summary>board-2 (another board), acme slot 1, counter 3, payload "hello", signed with acme's key.</summary>
        public const string Counter3ForBoard2 =
            "82d28443a10126a05839a601010267626f6172642d32036461636d65040105030658202cf24dba5fb0a30e"
            + "26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982458407825236137de80947b6944e89be45c0bab"
            + "c5f03ed915d3fa172c14eaaafb5592633e42e49a29a4669f6891a64197ac569e0d3ed4ddd2b98de51c4742"
            + "9befb7884568656c6c6f";
    }
}
