using WasmBox.Nano.Cbor;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// Answers an attestation challenge: a report of what the update manager has installed,
    /// bound to the verifier's nonce and authenticated with the device key (HMAC-SHA256).
    /// Message: CBOR [report bstr, tag bstr]. See the README's threat model for what it proves.
    /// </summary>
    public sealed class Attestor
    {
        public const int MinKeyBytes = 16;

        private readonly string _deviceId;
        private readonly byte[] _deviceKey;
        private readonly UpdateManager _updates;
        private readonly string _runtimeVersion;

        public Attestor(string deviceId, byte[] deviceKey, UpdateManager updates, string runtimeVersion)
        {
            if (deviceId == null || deviceId.Length == 0 || Utf8.Encode(deviceId).Length > AttestationReport.MaxTextBytes)
            {
                throw new System.ArgumentException("device id must be 1 to " + AttestationReport.MaxTextBytes + " bytes", "deviceId");
            }
            if (deviceKey == null || deviceKey.Length < MinKeyBytes)
            {
                throw new System.ArgumentException("device key must be at least " + MinKeyBytes + " bytes", "deviceKey");
            }
            if (updates == null)
            {
                throw new System.ArgumentNullException("updates");
            }
            if (runtimeVersion == null || Utf8.Encode(runtimeVersion).Length > AttestationReport.MaxTextBytes)
            {
                throw new System.ArgumentException("runtime version must be at most " + AttestationReport.MaxTextBytes + " bytes", "runtimeVersion");
            }
            _deviceId = deviceId;
            _deviceKey = (byte[])deviceKey.Clone();
            _updates = updates;
            _runtimeVersion = runtimeVersion;
        }

        /// <summary>The signed report for <paramref name="nonce"/> (8-64 bytes; check with <see cref="AttestationReport.CheckNonce"/>).</summary>
        public byte[] Report(byte[] nonce)
        {
            string problem = AttestationReport.CheckNonce(nonce);
            if (problem != null)
            {
                throw new System.ArgumentException(problem, "nonce");
            }
            AttestationReport report = new AttestationReport();
            report.DeviceId = _deviceId;
            report.Nonce = nonce;
            report.RuntimeVersion = _runtimeVersion;
            report.UptimeMs = _updates.Runtime.Services.Clock.NowMs;
            report.Functions = Attested(_updates.Installed);
            byte[] encoded = report.Encode();
            CborWriter w = new CborWriter();
            w.WriteArrayStart(2);
            w.WriteBytes(encoded);
            w.WriteBytes(HmacSha256.Compute(_deviceKey, encoded, 0, encoded.Length));
            return w.ToArray();
        }

        private static AttestedFunction[] Attested(InstalledFunction[] installed)
        {
            // Installed is already sorted by tenant then slot, the order the report promises.
            AttestedFunction[] functions = new AttestedFunction[installed.Length];
            for (int i = 0; i < installed.Length; i++)
            {
                AttestedFunction f = new AttestedFunction();
                f.Tenant = installed[i].Tenant;
                f.Slot = installed[i].Slot;
                f.Sequence = installed[i].Sequence;
                f.Digest = installed[i].Digest;
                functions[i] = f;
            }
            return functions;
        }
    }
}
