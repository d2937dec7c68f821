using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Update
{
    /// <summary>What a signed command asks for (command map key 5).</summary>
    public static class CommandAction
    {
        public const int Remove = 1;
        public const int Rollback = 2;
    }

    /// <summary>
    /// A tenant's instruction for one of its slots, signed like a bundle (README: "Signed
    /// commands"): CBOR map {1: version 1, 2: tenant, 3: slot, 4: sequence, 5: action}.
    /// </summary>
    public sealed class UpdateCommand
    {
        public const int FormatVersion = 1;
        /// <summary>Largest command map accepted (a full one is under 60 bytes).</summary>
        public const int MaxCommandBytes = 128;

        private const int KeyVersion = 1, KeyTenant = 2, KeySlot = 3, KeySequence = 4, KeyAction = 5;

        public string Tenant;
        public int Slot;
        public long Sequence;
        public int Action;

        public UpdateCommand(string tenant, int slot, long sequence, int action)
        {
            Tenant = tenant;
            Slot = slot;
            Sequence = sequence;
            Action = action;
        }

        public byte[] Encode()
        {
            CborWriter w = new CborWriter();
            w.WriteMapStart(5);
            w.WriteUInt(KeyVersion);
            w.WriteUInt(FormatVersion);
            w.WriteUInt(KeyTenant);
            w.WriteText(Tenant);
            w.WriteUInt(KeySlot);
            w.WriteUInt((ulong)Slot);
            w.WriteUInt(KeySequence);
            w.WriteUInt((ulong)Sequence);
            w.WriteUInt(KeyAction);
            w.WriteUInt((ulong)Action);
            return w.ToArray();
        }

        /// <summary>
        /// Strictly decodes a command map: exactly keys 1-5 in order, each by its rule. Null with
        /// the refusal (Malformed or UnsupportedVersion) and a reason otherwise.
        /// </summary>
        public static UpdateCommand Decode(byte[] buffer, int offset, int count, out UpdateRefusal refusal, out string reason)
        {
            refusal = UpdateRefusal.Malformed;
            CborReader r = new CborReader(buffer, offset, count, 5);
            int pairs;
            if (!r.ReadMapStart(out pairs) || pairs != 5)
            {
                reason = "command must be a map of keys 1 to 5";
                return null;
            }
            ulong version;
            int key;
            if (!r.ReadInt32(out key) || key != KeyVersion || !r.ReadUInt(ulong.MaxValue, out version))
            {
                reason = "command key 1 must be the version";
                return null;
            }
            if (version != FormatVersion)
            {
                refusal = UpdateRefusal.UnsupportedVersion;
                reason = "command version " + version + " is not supported (expected " + FormatVersion + ")";
                return null;
            }
            string tenant;
            int slot;
            ulong sequence;
            int action;
            if (!r.ReadInt32(out key) || key != KeyTenant || !r.ReadText(ManifestCodec.MaxTenantBytes, out tenant)
                || !ManifestCodec.IsIdentifier(tenant))
            {
                reason = "command key 2 must be a tenant of 1-32 characters of a-z, 0-9, '-' and '_'";
                return null;
            }
            if (!r.ReadInt32(out key) || key != KeySlot || !r.ReadInt32(out slot) || slot > 255)
            {
                reason = "command key 3 must be a slot 0-255";
                return null;
            }
            if (!r.ReadInt32(out key) || key != KeySequence || !r.ReadUInt(long.MaxValue, out sequence) || sequence == 0)
            {
                reason = "command key 4 must be a sequence 1 to 2^63-1";
                return null;
            }
            if (!r.ReadInt32(out key) || key != KeyAction || !r.ReadInt32(out action)
                || (action != CommandAction.Remove && action != CommandAction.Rollback))
            {
                reason = "command key 5 must be an action (1 remove, 2 rollback)";
                return null;
            }
            if (!r.AtEnd)
            {
                reason = "command has trailing bytes";
                return null;
            }
            refusal = UpdateRefusal.None;
            reason = null;
            return new UpdateCommand(tenant, slot, (long)sequence, action);
        }

        public static string ActionName(int action)
        {
            return action == CommandAction.Remove ? "remove" : action == CommandAction.Rollback ? "rollback" : "unknown";
        }
    }
}
