using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// The checks only a bundle makes possible, before the runtime's own install check: the
    /// manifest declares exactly what the code can call, and what it declares (helpers,
    /// budgets) fits the tenant's grant. Pins, sensors and hooks are checked by the runtime.
    /// </summary>
    internal static class DeclaredNeeds
    {
        /// <summary>Null when the needs fit, else the refusal (its kind in <paramref name="refusal"/>).</summary>
        public static string Check(Manifest m, FunctionImage image, TenantPolicy policy, out BundleRefusal refusal)
        {
            string who = "tenant '" + policy.TenantId + "'";
            int[] called = HelperCalls.Of(image.Text);
            for (int i = 0; i < called.Length; i++)
            {
                if (!Contains(m.Helpers, called[i]))
                {
                    refusal = BundleRefusal.UndeclaredHelper;
                    return "the code calls helper " + HelperIds.Describe(called[i]) + ", which the manifest does not declare";
                }
            }
            for (int i = 0; i < m.Helpers.Length; i++)
            {
                if (!policy.Grant.IsGranted(m.Helpers[i]))
                {
                    refusal = BundleRefusal.HelperNotGranted;
                    return "the manifest declares helper " + HelperIds.Describe(m.Helpers[i]) + ", which is not granted to " + who;
                }
            }
            refusal = BundleRefusal.BudgetNotGranted;
            TenantLimits limits = policy.Limits;
            if (m.InstructionsPerRun > limits.InstructionsPerRun)
            {
                return Beyond("instructions per run", m.InstructionsPerRun, limits.InstructionsPerRun, who);
            }
            if (m.BranchesPerRun > limits.BranchesPerRun)
            {
                return Beyond("taken branches per run", m.BranchesPerRun, limits.BranchesPerRun, who);
            }
            if (m.RamBytes > limits.RamBytes)
            {
                return Beyond("RAM bytes", m.RamBytes, limits.RamBytes, who);
            }
            refusal = BundleRefusal.None;
            return null;
        }

        private static string Beyond(string what, int declared, int granted, string who)
        {
            return "the manifest declares " + declared + " " + what + ", " + who + " is granted " + granted;
        }

        private static bool Contains(int[] values, int value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
