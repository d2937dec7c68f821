using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Update
{
    /// <summary>Why <see cref="BundleInstaller"/> refused a bundle. Stable numbers: they travel in deploy results.</summary>
    public enum BundleRefusal
    {
        None = 0,
        /// <summary>The bundle did not open: see <see cref="BundleInstallResult.BundleError"/>.</summary>
        BadBundle = 1,
        /// <summary>The bundle's tenant has a key but no policy on this board.</summary>
        TenantNotProvisioned = 2,
        /// <summary>The code calls a helper the manifest does not declare.</summary>
        UndeclaredHelper = 3,
        /// <summary>The manifest declares a helper the tenant is not granted.</summary>
        HelperNotGranted = 4,
        /// <summary>A declared budget (instructions, branches, RAM, stack) exceeds the tenant's.</summary>
        BudgetNotGranted = 5,
        /// <summary>A hook the runtime cannot provide as declared.</summary>
        UnsupportedHook = 6,
        /// <summary>The hooks start the function at different entry points.</summary>
        UnsupportedEntry = 7,
        /// <summary>The manifest's name cannot name a container.</summary>
        BadName = 8,
        /// <summary>The runtime's install check refused: see <see cref="BundleInstallResult.InstallError"/>.</summary>
        RuntimeRefused = 9,
    }

    /// <summary>Short names for <see cref="BundleRefusal"/> (nanoFramework's Enum.ToString prints numbers).</summary>
    public static class BundleRefusalText
    {
        public static string Name(BundleRefusal refusal)
        {
            switch (refusal)
            {
                case BundleRefusal.None: return "ok";
                case BundleRefusal.BadBundle: return "bad-bundle";
                case BundleRefusal.TenantNotProvisioned: return "tenant-not-provisioned";
                case BundleRefusal.UndeclaredHelper: return "undeclared-helper";
                case BundleRefusal.HelperNotGranted: return "helper-not-granted";
                case BundleRefusal.BudgetNotGranted: return "budget-not-granted";
                case BundleRefusal.UnsupportedHook: return "unsupported-hook";
                case BundleRefusal.UnsupportedEntry: return "unsupported-entry";
                case BundleRefusal.BadName: return "bad-name";
                case BundleRefusal.RuntimeRefused: return "runtime-refused";
                default: return "unknown";
            }
        }
    }

    /// <summary>The installed container, or why the bundle was refused (and then nothing was installed).</summary>
    public sealed class BundleInstallResult
    {
        private BundleInstallResult(Container container, Manifest manifest, BundleRefusal refusal,
            BundleError bundleError, InstallError installError, string reason)
        {
            Container = container;
            Manifest = manifest;
            Refusal = refusal;
            BundleError = bundleError;
            InstallError = installError;
            Reason = reason;
        }

        public bool Ok { get { return Container != null; } }

        /// <summary>The new container (state Installed), or null.</summary>
        public Container Container { get; private set; }

        /// <summary>The signed manifest, or null when the bundle did not open.</summary>
        public Manifest Manifest { get; private set; }

        public BundleRefusal Refusal { get; private set; }

        /// <summary>Set when <see cref="Refusal"/> is BadBundle.</summary>
        public BundleError BundleError { get; private set; }

        /// <summary>Set when <see cref="Refusal"/> is RuntimeRefused.</summary>
        public InstallError InstallError { get; private set; }

        /// <summary>One sentence naming the need and the limit; null when installed.</summary>
        public string Reason { get; private set; }

        internal static BundleInstallResult Installed(Container container, Manifest manifest)
        {
            return new BundleInstallResult(container, manifest, BundleRefusal.None, BundleError.None, InstallError.None, null);
        }

        internal static BundleInstallResult Refused(Manifest manifest, BundleRefusal refusal, string reason)
        {
            return new BundleInstallResult(null, manifest, refusal, BundleError.None, InstallError.None, reason);
        }

        internal static BundleInstallResult BadBundle(BundleError error, string detail)
        {
            return new BundleInstallResult(null, null, BundleRefusal.BadBundle, error, InstallError.None,
                BundleErrorText.Name(error) + ": " + detail);
        }

        internal static BundleInstallResult RuntimeRefused(Manifest manifest, InstallResult result)
        {
            return new BundleInstallResult(null, manifest, BundleRefusal.RuntimeRefused, BundleError.None, result.Error, result.Reason);
        }

        public override string ToString()
        {
            return Ok ? "installed " + Container.LogSource : BundleRefusalText.Name(Refusal) + ": " + Reason;
        }
    }
}
