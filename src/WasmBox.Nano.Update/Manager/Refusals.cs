using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Update
{
    /// <summary>Maps the refusals of the layers below to <see cref="UpdateRefusal"/> (README: "Reason codes").</summary>
    internal static class Refusals
    {
        public static UpdateRefusal FromBundle(BundleError error)
        {
            switch (error)
            {
                case BundleError.TooLarge: return UpdateRefusal.TooLarge;
                case BundleError.UnsupportedAlgorithm: return UpdateRefusal.UnsupportedAlgorithm;
                case BundleError.BadManifest: return UpdateRefusal.BadManifest;
                case BundleError.UnsupportedVersion: return UpdateRefusal.UnsupportedVersion;
                case BundleError.UnknownTenant: return UpdateRefusal.UnknownTenant;
                case BundleError.BadSignature: return UpdateRefusal.BadSignature;
                case BundleError.DigestMismatch: return UpdateRefusal.DigestMismatch;
                case BundleError.BadImage: return UpdateRefusal.BadImage;
                default: return UpdateRefusal.Malformed;
            }
        }

        /// <summary>Refusals of the bundle-to-container checks (declared needs, mapping).</summary>
        public static UpdateRefusal FromInstaller(BundleRefusal refusal)
        {
            switch (refusal)
            {
                case BundleRefusal.TenantNotProvisioned: return UpdateRefusal.TenantNotProvisioned;
                case BundleRefusal.UndeclaredHelper:
                case BundleRefusal.HelperNotGranted:
                case BundleRefusal.BudgetNotGranted: return UpdateRefusal.NeedsExceedGrants;
                case BundleRefusal.UnsupportedEntry:
                case BundleRefusal.BadName: return UpdateRefusal.BadManifest;
                default: return UpdateRefusal.RuntimeRefused;
            }
        }

        /// <summary>Refusals of the runtime's own install check.</summary>
        public static UpdateRefusal FromRuntime(InstallError error)
        {
            switch (error)
            {
                case InstallError.VerifyFailed: return UpdateRefusal.VerifierFailed;
                case InstallError.TooManyContainers:
                case InstallError.ImageTooLarge:
                case InstallError.HelperNotGranted:
                case InstallError.PinNotGranted:
                case InstallError.PinModeMismatch:
                case InstallError.SensorNotGranted:
                case InstallError.HookNotAllowed:
                case InstallError.RamBudgetExceeded: return UpdateRefusal.NeedsExceedGrants;
                case InstallError.UnknownTenant: return UpdateRefusal.TenantNotProvisioned;
                default: return UpdateRefusal.RuntimeRefused;
            }
        }
    }
}
