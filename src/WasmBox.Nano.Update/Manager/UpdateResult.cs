using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Update
{
    /// <summary>What an accepted deployment or command did.</summary>
    public enum UpdateStatus
    {
        Refused = 0,
        /// <summary>A bundle went into a slot that had no function.</summary>
        Installed = 1,
        /// <summary>A bundle replaced the slot's function; the old one is kept for a rollback.</summary>
        Updated = 2,
        Removed = 3,
        RolledBack = 4,
    }

    /// <summary>
    /// Why a deployment or command was refused. Stable numbers: they travel in deploy results.
    /// 1-9 are the bundle format's own errors with the same numbers as <c>BundleError</c>.
    /// </summary>
    public enum UpdateRefusal
    {
        None = 0,
        TooLarge = 1,
        Malformed = 2,
        UnsupportedAlgorithm = 3,
        BadManifest = 4,
        UnsupportedVersion = 5,
        UnknownTenant = 6,
        BadSignature = 7,
        DigestMismatch = 8,
        BadImage = 9,
        /// <summary>The tenant has a key but no policy on this board.</summary>
        TenantNotProvisioned = 10,
        /// <summary>The sequence number is not above the slot's persisted one.</summary>
        Replay = 11,
        /// <summary>The function declares or needs more than the tenant is granted.</summary>
        NeedsExceedGrants = 12,
        /// <summary>The pre-flight verifier rejected the bytecode.</summary>
        VerifierFailed = 13,
        /// <summary>The runtime cannot host the function as declared (board lacks a pin or sensor, name clash).</summary>
        RuntimeRefused = 14,
        /// <summary>The command names a slot with no function.</summary>
        NoSuchFunction = 15,
        /// <summary>A rollback for a slot that keeps no previous version.</summary>
        NoPreviousVersion = 16,
        /// <summary>Storage failed before the change was committed; nothing changed.</summary>
        StorageFailed = 17,
    }

    /// <summary>Short names for <see cref="UpdateRefusal"/> (nanoFramework's Enum.ToString prints numbers).</summary>
    public static class UpdateRefusalText
    {
        public static string Name(UpdateRefusal refusal)
        {
            if (refusal <= UpdateRefusal.BadImage)
            {
                // 0-9 are the bundle reader's own codes, numbered alike.
                return BundleErrorText.Name((BundleError)(int)refusal);
            }
            switch (refusal)
            {
                case UpdateRefusal.TenantNotProvisioned: return "tenant-not-provisioned";
                case UpdateRefusal.Replay: return "replay";
                case UpdateRefusal.NeedsExceedGrants: return "needs-exceed-grants";
                case UpdateRefusal.VerifierFailed: return "verifier-failed";
                case UpdateRefusal.RuntimeRefused: return "runtime-refused";
                case UpdateRefusal.NoSuchFunction: return "no-such-function";
                case UpdateRefusal.NoPreviousVersion: return "no-previous-version";
                case UpdateRefusal.StorageFailed: return "storage-failed";
                default: return "unknown";
            }
        }
    }

    /// <summary>
    /// The outcome of <see cref="UpdateManager.Deploy"/> or <see cref="UpdateManager.Execute"/>.
    /// Tenant, slot and sequence are those the input named (from a manifest or command that
    /// parsed, even when its signature then failed), else null, -1 and 0.
    /// </summary>
    public sealed class UpdateResult
    {
        public bool Ok;
        public UpdateStatus Status;
        public UpdateRefusal Refusal;
        /// <summary>One sentence for people; null when accepted.</summary>
        public string Reason;
        public string Tenant;
        public int Slot = -1;
        public long Sequence;

        internal static UpdateResult Accepted(UpdateStatus status, string tenant, int slot, long sequence)
        {
            UpdateResult r = new UpdateResult();
            r.Ok = true;
            r.Status = status;
            r.Tenant = tenant;
            r.Slot = slot;
            r.Sequence = sequence;
            return r;
        }

        internal static UpdateResult Refused(UpdateRefusal refusal, string reason, string tenant, int slot, long sequence)
        {
            UpdateResult r = new UpdateResult();
            r.Status = UpdateStatus.Refused;
            r.Refusal = refusal;
            r.Reason = reason;
            r.Tenant = tenant;
            r.Slot = slot;
            r.Sequence = sequence;
            return r;
        }

        public override string ToString()
        {
            string where = Tenant == null ? "" : " " + Tenant + "/" + Slot + " #" + Sequence;
            return Ok ? StatusName(Status) + where : "refused" + where + ": " + UpdateRefusalText.Name(Refusal) + ": " + Reason;
        }

        public static string StatusName(UpdateStatus status)
        {
            switch (status)
            {
                case UpdateStatus.Installed: return "installed";
                case UpdateStatus.Updated: return "updated";
                case UpdateStatus.Removed: return "removed";
                case UpdateStatus.RolledBack: return "rolled-back";
                default: return "refused";
            }
        }
    }
}
