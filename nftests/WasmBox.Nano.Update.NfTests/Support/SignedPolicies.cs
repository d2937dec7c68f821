namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// Real signed policy bundles (POLICY-FORMAT.md), made once on the host with a fresh P-256
    /// owner key: policy "guard" attached to gpio_write (0x71) for every tenant, budget 64, an
    /// image of two instructions (entry "decide"), and its removal.
    /// </summary>
    internal static class SignedPolicies
    {
        /// <summary>The board owner's public key (uncompressed SEC1).</summary>
        public const string OwnerKey =
            "04845d4c66ff7987f5e8f060732481557f804882d76a09325ee7b251256455e42ad544dd5bc492a46e1ae6"
            + "dbe270b8d439e1cc51db83b86b21635a72a6adef3515";

        /// <summary>Policy "guard", sequence 1: denies gpio_write with -EBUSY (mov r0, -16; exit).</summary>
        public const string GuardV1 =
            "82d28443a10126a0583fa8140115656775617264160117582075b8476ddee5dc1eb67402abe29149ec4f61"
            + "543d9bb1f65c72165209ab41dff81818181f1819811871181a80181b18405840d15eabbe921d1d9f94a804"
            + "c0e54dfd4a71bc8f1b4505ecd2a6df1ae9189da4b70ee31de88238aeafb9af27178e7284ffa99027c0aab0"
            + "64886cf87808652716ba581f8550b7000000f0ffffff950000000000000040400081826664656369646500";

        /// <summary>Policy "guard", sequence 2: allows (mov r0, 0; exit).</summary>
        public const string GuardV2 =
            "82d28443a10126a0583fa81401156567756172641602175820cc5a7f0b6f5eeec7ad37dfe0d872cc78e62b"
            + "b487e1e695bc6c785bc780aeabc61818181f1819811871181a80181b184058401c822c2e42146a3a34343a"
            + "9b1fd6d949d7a4d970e5df801e31f43f831d68c62adba91ca69e4823b859b082cb110f6a6d94df2158a6ec"
            + "83b2f45bdc6145ad72b9581f8550b700000000000000950000000000000040400081826664656369646500";

        /// <summary>The removal of "guard", sequence 3.</summary>
        public const string GuardRemoval3 =
            "82d28443a10126a04fa41401156567756172641603181df55840ef1e968300f9d2783ef3baf9d58344b4a1"
            + "bd8844bf513b25f34ee20d4165549d3d15fd4991a014446e1e7b91e466f46e4e415cc54d76fd3b823eebad"
            + "f159c47040";

        /// <summary>"guard" sequence 5 signed with a tenant key, not the owner's.</summary>
        public const string GuardByTenant =
            "82d28443a10126a0583fa81401156567756172641605175820cc5a7f0b6f5eeec7ad37dfe0d872cc78e62b"
            + "b487e1e695bc6c785bc780aeabc61818181f1819811871181a80181b18405840d2fa81515e8a4fe8fdc5a7"
            + "0a428ae7d238ff2300b33d30612464c594e5b09157dc1ee467f6e750f40d8efd5e5b5862f5c85e2d496583"
            + "401d719e301dd7040fde581f8550b700000000000000950000000000000040400081826664656369646500";
    }
}
