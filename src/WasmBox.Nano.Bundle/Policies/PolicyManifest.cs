namespace WasmBox.Nano.Bundle.Policies
{
    /// <summary>
    /// What the board owner signs for a hostcall policy (POLICY-FORMAT.md): its name and
    /// sequence, the image's digest and size, the helpers it decides, the tenants it decides
    /// for and its instruction budget. A removal carries only name and sequence.
    /// </summary>
    public sealed class PolicyManifest
    {
        public const int FormatVersion = 1;
        public const int MaxHelpers = 32;
        public const int MaxTenants = 16;
        public const int MaxInstructionBudget = 4096;

        public string Name;
        public long Sequence;
        public byte[] Digest;
        public int ImageSize;
        public int[] Helpers = new int[0];
        public string[] Tenants = new string[0];
        public int InstructionBudget;

        /// <summary>True for a signed removal (no image, no attachment).</summary>
        public bool Remove;
    }
}
