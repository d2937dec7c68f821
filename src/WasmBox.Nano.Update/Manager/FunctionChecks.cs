using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Update
{
    /// <summary>A bundle that passed every check, ready to go into the runtime.</summary>
    internal sealed class PreparedFunction
    {
        public PreparedFunction(Manifest manifest, ContainerImage image)
        {
            Manifest = manifest;
            Image = image;
        }

        public Manifest Manifest { get; private set; }

        public ContainerImage Image { get; private set; }
    }

    /// <summary>
    /// The checks a bundle passes before anything changes: the bundle format with the tenant's
    /// key, then <see cref="BundleInstaller"/>'s checks (tenant provisioned, declared needs
    /// within the grant, mapping to a container) and the pre-flight verifier with the runtime's
    /// own options, so that the runtime's install rarely refuses what passed here. Pure: neither
    /// the runtime nor storage changes.
    /// </summary>
    internal sealed class FunctionChecks
    {
        private readonly WasmBoxRuntime _runtime;
        private readonly ITenantKeyring _keys;
        private readonly SlotStorage _storage;

        public FunctionChecks(WasmBoxRuntime runtime, ITenantKeyring keys, SlotStorage storage)
        {
            _runtime = runtime;
            _keys = keys;
            _storage = storage;
        }

        /// <summary>Opens a bundle; null with the refusal. <paramref name="parsed"/> is set whenever the manifest parsed.</summary>
        public FunctionImage Open(byte[] buffer, int offset, int count, out ParsedBundle parsed,
            out UpdateRefusal refusal, out string reason)
        {
            BundleError error;
            FunctionImage image = BundleReader.Open(buffer, offset, count, _keys, out parsed, out error, out reason);
            refusal = image == null ? Refusals.FromBundle(error) : UpdateRefusal.None;
            return image;
        }

        /// <summary>
        /// The container image for the function, or null with the refusal. <paramref name="replacing"/>
        /// is the slot's current container (null for an empty slot), which may share the new one's name.
        /// </summary>
        public ContainerImage Check(Manifest m, FunctionImage image, Container replacing, out UpdateRefusal refusal, out string reason)
        {
            Tenant tenant = _runtime.FindTenant(m.Tenant);
            if (tenant == null)
            {
                refusal = UpdateRefusal.TenantNotProvisioned;
                reason = "tenant '" + m.Tenant + "' has a key but is not provisioned on this board";
                return null;
            }
            BundleRefusal needs;
            reason = DeclaredNeeds.Check(m, image, tenant.Policy, out needs);
            ContainerImage mapped = reason == null ? ContainerImage.From(m, image, out needs, out reason) : null;
            if (mapped == null)
            {
                refusal = Refusals.FromInstaller(needs);
                reason = BundleRefusalText.Name(needs) + ": " + reason;
                return null;
            }
            VerifierOptions options = new VerifierOptions();
            options.Helpers = HelperCatalog.VerificationTable;
            options.MaxInstructions = tenant.Policy.Limits.MaxImageBytes / 8;
            VerifyResult verified = Verifier.Verify(mapped.Code, options);
            if (!verified.Ok)
            {
                refusal = UpdateRefusal.VerifierFailed;
                reason = "verifier: " + verified.Message;
                return null;
            }
            Container namesake = _runtime.Find(m.Tenant, mapped.Manifest.Name);
            if (namesake != null && namesake != replacing)
            {
                refusal = UpdateRefusal.RuntimeRefused;
                reason = "tenant '" + m.Tenant + "' already runs a function named '" + mapped.Manifest.Name + "' in another slot";
                return null;
            }
            refusal = UpdateRefusal.None;
            reason = null;
            return mapped;
        }

        /// <summary>
        /// A bundle the manager stored for (tenant, slot), checked again as at deployment (the
        /// medium may be removable), or null with the refusal.
        /// </summary>
        public PreparedFunction LoadStored(string tenant, int slot, string kind, Container replacing,
            out UpdateRefusal refusal, out string reason)
        {
            string name = SlotStorage.NameOf(tenant, slot, kind);
            byte[] bundle = _storage.Read(name);
            if (bundle == null)
            {
                refusal = UpdateRefusal.StorageFailed;
                reason = "stored bundle " + name + " cannot be read";
                return null;
            }
            ParsedBundle parsed;
            FunctionImage image = Open(bundle, 0, bundle.Length, out parsed, out refusal, out reason);
            if (image == null)
            {
                reason = "stored bundle " + name + ": " + reason;
                return null;
            }
            Manifest m = parsed.Manifest;
            if (m.Tenant != tenant || m.Slot != slot)
            {
                refusal = UpdateRefusal.BadManifest;
                reason = "stored bundle " + name + " is signed for " + m.Tenant + "/" + m.Slot;
                return null;
            }
            ContainerImage mapped = Check(m, image, replacing, out refusal, out reason);
            return mapped == null ? null : new PreparedFunction(m, mapped);
        }
    }
}
