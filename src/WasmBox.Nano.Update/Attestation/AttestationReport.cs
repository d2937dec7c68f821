using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Update
{
    /// <summary>One installed function as a report states it: CBOR [tenant, slot, sequence, digest].</summary>
    public sealed class AttestedFunction
    {
        public string Tenant;
        public int Slot;
        /// <summary>The slot's persisted sequence number (see <see cref="InstalledFunction.Sequence"/>).</summary>
        public long Sequence;
        /// <summary>SHA-256 of the installed image.</summary>
        public byte[] Digest;
    }

    /// <summary>
    /// What a device states when challenged (README: "Attestation"): CBOR map {1: device id,
    /// 2: nonce, 3: runtime version, 4: uptime in ms, 5: [[tenant, slot, sequence, digest], ...]}
    /// with the functions sorted by tenant then slot.
    /// </summary>
    public sealed class AttestationReport
    {
        public const int MinNonceBytes = 8;
        public const int MaxNonceBytes = 64;
        public const int MaxTextBytes = 64;
        public const int MaxFunctions = 256;

        private const int KeyDevice = 1, KeyNonce = 2, KeyVersion = 3, KeyUptime = 4, KeyFunctions = 5;

        public string DeviceId;
        public byte[] Nonce;
        public string RuntimeVersion;
        /// <summary>Milliseconds since the device booted (its monotonic clock); a drop means a reboot.</summary>
        public long UptimeMs;
        public AttestedFunction[] Functions;

        /// <summary>Null when the nonce has an acceptable length, else why not.</summary>
        public static string CheckNonce(byte[] nonce)
        {
            return nonce != null && nonce.Length >= MinNonceBytes && nonce.Length <= MaxNonceBytes
                ? null : "nonce must be " + MinNonceBytes + " to " + MaxNonceBytes + " bytes";
        }

        public byte[] Encode()
        {
            CborWriter w = new CborWriter();
            w.WriteMapStart(5);
            w.WriteUInt(KeyDevice);
            w.WriteText(DeviceId);
            w.WriteUInt(KeyNonce);
            w.WriteBytes(Nonce);
            w.WriteUInt(KeyVersion);
            w.WriteText(RuntimeVersion);
            w.WriteUInt(KeyUptime);
            w.WriteUInt((ulong)UptimeMs);
            w.WriteUInt(KeyFunctions);
            w.WriteArrayStart(Functions.Length);
            for (int i = 0; i < Functions.Length; i++)
            {
                AttestedFunction f = Functions[i];
                w.WriteArrayStart(4);
                w.WriteText(f.Tenant);
                w.WriteUInt((ulong)f.Slot);
                w.WriteUInt((ulong)f.Sequence);
                w.WriteBytes(f.Digest);
            }
            return w.ToArray();
        }

        /// <summary>Strictly decodes a report; null with the reason in <paramref name="problem"/>.</summary>
        public static AttestationReport Decode(byte[] buffer, int offset, int count, out string problem)
        {
            CborReader r = new CborReader(buffer, offset, count, MaxFunctions);
            AttestationReport report = new AttestationReport();
            int pairs;
            int key;
            ulong uptime;
            int n;
            problem = "report must be a map of keys 1 to 5";
            if (!r.ReadMapStart(out pairs) || pairs != 5)
            {
                return null;
            }
            if (!r.ReadInt32(out key) || key != KeyDevice || !r.ReadText(MaxTextBytes, out report.DeviceId)
                || !r.ReadInt32(out key) || key != KeyNonce || !r.ReadBytesCopy(MaxNonceBytes, out report.Nonce)
                || CheckNonce(report.Nonce) != null
                || !r.ReadInt32(out key) || key != KeyVersion || !r.ReadText(MaxTextBytes, out report.RuntimeVersion)
                || !r.ReadInt32(out key) || key != KeyUptime || !r.ReadUInt(long.MaxValue, out uptime)
                || !r.ReadInt32(out key) || key != KeyFunctions || !r.ReadArrayStart(out n))
            {
                problem = "report fields 1-5 must be device id, nonce (8-64 bytes), runtime version, uptime, functions";
                return null;
            }
            report.UptimeMs = (long)uptime;
            report.Functions = new AttestedFunction[n];
            for (int i = 0; i < n; i++)
            {
                report.Functions[i] = DecodeFunction(r);
                if (report.Functions[i] == null)
                {
                    problem = "function " + i + " must be [tenant, slot 0-255, sequence, 32-byte digest]";
                    return null;
                }
            }
            if (!r.AtEnd)
            {
                problem = "report has trailing bytes";
                return null;
            }
            problem = null;
            return report;
        }

        private static AttestedFunction DecodeFunction(CborReader r)
        {
            AttestedFunction f = new AttestedFunction();
            int items;
            ulong sequence;
            if (!r.ReadArrayStart(out items) || items != 4 || !r.ReadText(ManifestCodec.MaxTenantBytes, out f.Tenant)
                || !r.ReadInt32(out f.Slot) || f.Slot > 255 || !r.ReadUInt(long.MaxValue, out sequence)
                || !r.ReadBytesCopy(32, out f.Digest) || f.Digest.Length != 32)
            {
                return null;
            }
            f.Sequence = (long)sequence;
            return f;
        }
    }
}
