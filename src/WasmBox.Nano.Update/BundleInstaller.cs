using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// Installs a signed bundle into a runtime: opens it with the tenants' keys (size,
    /// structure, signature, digest, image), checks that the manifest declares exactly the
    /// helpers the code calls and nothing beyond the tenant's grant, maps it to a container
    /// (<see cref="ContainerImage"/>) and hands it to the runtime's install check. Any refusal
    /// leaves the runtime unchanged. The container is left Installed; the caller starts it.
    /// Sequence numbers and persistence belong to the update manager built on this.
    /// </summary>
    public static class BundleInstaller
    {
        public static BundleInstallResult Install(WasmBoxRuntime runtime, byte[] bundle, ITenantKeyring keys)
        {
            return Install(runtime, bundle, 0, bundle == null ? 0 : bundle.Length, keys);
        }

        public static BundleInstallResult Install(WasmBoxRuntime runtime, byte[] buffer, int offset, int count, ITenantKeyring keys)
        {
            if (runtime == null)
            {
                throw new System.ArgumentNullException("runtime");
            }
            if (keys == null)
            {
                throw new System.ArgumentNullException("keys");
            }
            ParsedBundle parsed;
            BundleError error;
            string detail;
            FunctionImage image = BundleReader.Open(buffer, offset, count, keys, out parsed, out error, out detail);
            if (image == null)
            {
                return BundleInstallResult.BadBundle(error, detail);
            }
            Manifest m = parsed.Manifest;
            Tenant tenant = runtime.FindTenant(m.Tenant);
            if (tenant == null)
            {
                return BundleInstallResult.Refused(m, BundleRefusal.TenantNotProvisioned,
                    "tenant '" + m.Tenant + "' has a key but is not provisioned on this board");
            }
            BundleRefusal refusal;
            string reason = DeclaredNeeds.Check(m, image, tenant.Policy, out refusal);
            if (reason != null)
            {
                return BundleInstallResult.Refused(m, refusal, reason);
            }
            ContainerImage mapped = ContainerImage.From(m, image, out refusal, out reason);
            if (mapped == null)
            {
                return BundleInstallResult.Refused(m, refusal, reason);
            }
            InstallResult installed = runtime.Install(m.Tenant, mapped.Manifest, mapped.Code);
            return installed.Ok ? BundleInstallResult.Installed(installed.Container, m) : BundleInstallResult.RuntimeRefused(m, installed);
        }
    }
}
