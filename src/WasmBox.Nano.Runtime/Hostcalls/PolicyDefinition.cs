namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>
    /// What the board owner signed for one policy (the installer fills it from a policy bundle):
    /// the code, the helpers it decides, for which tenants, and its budget.
    /// </summary>
    public sealed class PolicyDefinition
    {
        /// <summary>1-32 of a-z 0-9 - _; a newer policy with the same name replaces the older.</summary>
        public string Name;

        public long Sequence;

        /// <summary>eBPF bytecode, relocated as `wbx build` does (rodata at 0x4000_0000).</summary>
        public byte[] Text;

        public byte[] Rodata;

        /// <summary>Instruction index the decision starts at.</summary>
        public int Entry;

        /// <summary>Tenant helper ids the policy decides (at least one).</summary>
        public int[] HelperIds;

        /// <summary>Tenants it decides for; null or empty: every tenant.</summary>
        public string[] Tenants;

        public int InstructionBudget = HostcallPolicy.DefaultInstructionBudget;
    }
}
