using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>The install check of a <see cref="PolicyDefinition"/>: every refusal is one sentence.</summary>
    public static class PolicyCheck
    {
        /// <summary>Null when a board would install <paramref name="d"/>, else why not (host tools check before signing).</summary>
        public static string Check(PolicyDefinition d)
        {
            VmProgram program;
            return Check(d, out program);
        }

        public const int MaxTenants = 16;

        internal static string Check(PolicyDefinition d, out VmProgram program)
        {
            program = null;
            if (d == null)
            {
                return "no policy";
            }
            if (!IsName(d.Name))
            {
                return "policy name must be 1-32 of a-z 0-9 - _";
            }
            if (d.Sequence < 1)
            {
                return "policy sequence must be at least 1";
            }
            if (d.HelperIds == null || d.HelperIds.Length == 0)
            {
                return "policy " + d.Name + " is attached to no helper";
            }
            for (int i = 0; i < d.HelperIds.Length; i++)
            {
                if (HelperCatalog.SlotOf(d.HelperIds[i]) < 0)
                {
                    return "policy " + d.Name + " is attached to helper " + d.HelperIds[i] + ", which the runtime does not have";
                }
            }
            int tenants = d.Tenants == null ? 0 : d.Tenants.Length;
            if (tenants > MaxTenants)
            {
                return "policy " + d.Name + " names " + tenants + " tenants, at most " + MaxTenants;
            }
            for (int i = 0; i < tenants; i++)
            {
                if (!IsName(d.Tenants[i]))
                {
                    return "policy " + d.Name + " names tenant " + i + " with an invalid id";
                }
            }
            if (d.InstructionBudget < 1 || d.InstructionBudget > HostcallPolicy.MaxInstructionBudget)
            {
                return "policy " + d.Name + " budget must be 1-" + HostcallPolicy.MaxInstructionBudget + " instructions";
            }
            VerifyResult verdict = Verifier.Verify(d.Text, new VerifierOptions { Helpers = PolicyHelperIds.VerificationTable });
            if (!verdict.Ok)
            {
                return "policy " + d.Name + " fails the verifier: " + verdict.Message;
            }
            if (d.Entry < 0 || d.Entry >= verdict.Program.Count)
            {
                return "policy " + d.Name + " entry " + d.Entry + " is outside its code";
            }
            program = verdict.Program;
            return null;
        }

        private static bool IsName(string s)
        {
            return s != null && PolicyParser.ValidateName(s) == null;
        }
    }
}
