using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Device.Provisioning
{
    /// <summary>
    /// What a board learns from its owner rather than from its profile: who it is, how it reaches the
    /// network and the broker, and which public key each tenant signs bundles with. Read at boot from
    /// provisioning.json on the board's storage (format in firmware/README.md); never part of the repository.
    /// It is also the keyring the update manager checks bundle signatures against.
    /// </summary>
    public sealed class DeviceProvisioning : ITenantKeyring
    {
        internal DeviceProvisioning()
        {
        }

        /// <summary>1-32 characters of a-z, 0-9, '-' and '_': the MQTT client id and the {deviceId} of wbx/{deviceId}/... topics.</summary>
        public string DeviceId { get; internal set; }

        /// <summary>Null when the file has no "wifi" object (boards on Ethernet).</summary>
        public string WifiSsid { get; internal set; }

        public string WifiPassword { get; internal set; }

        public string BrokerHost { get; internal set; }

        public int BrokerPort { get; internal set; }

        public bool BrokerTls { get; internal set; }

        /// <summary>PEM of the CA that signed the broker's certificate, or null.</summary>
        public string BrokerCaCertificate { get; internal set; }

        public string BrokerUsername { get; internal set; }

        public string BrokerPassword { get; internal set; }

        /// <summary>Seconds between telemetry messages.</summary>
        public int TelemetrySeconds { get; internal set; }

        public TenantKey[] TenantKeys { get; internal set; }

        /// <summary>
        /// The board owner's policy-signing key (65-byte uncompressed P-256 point, distinct from every
        /// tenant's), or null: the board then refuses every hostcall policy.
        /// </summary>
        public byte[] OwnerKey { get; internal set; }

        /// <summary>The device's secret for attestation reports (16-64 bytes), or null: the board then answers no challenges.</summary>
        public byte[] AttestationKey { get; internal set; }

        /// <summary>The tenant's bundle-signing key (65-byte uncompressed P-256 point), or null.</summary>
        public byte[] PublicKeyOf(string tenantId)
        {
            for (int i = 0; i < TenantKeys.Length; i++)
            {
                if (TenantKeys[i].TenantId == tenantId)
                {
                    return TenantKeys[i].PublicKey;
                }
            }
            return null;
        }
    }

    /// <summary>A tenant's ES256 public key: SEC1 uncompressed point, 0x04 || X || Y.</summary>
    public sealed class TenantKey
    {
        public const int Length = 65;

        public TenantKey(string tenantId, byte[] publicKey)
        {
            TenantId = tenantId;
            PublicKey = publicKey;
        }

        public string TenantId { get; private set; }

        public byte[] PublicKey { get; private set; }
    }
}
