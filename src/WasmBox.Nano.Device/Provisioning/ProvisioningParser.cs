using WasmBox.Nano.Runtime.Json;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Device.Provisioning
{
    /// <summary>The parsed provisioning file, or the offending field and why.</summary>
    public sealed class ProvisioningResult
    {
        internal ProvisioningResult(DeviceProvisioning provisioning, string field, string reason)
        {
            Provisioning = provisioning;
            Field = field;
            Reason = reason;
        }

        public bool Ok { get { return Provisioning != null; } }

        public DeviceProvisioning Provisioning { get; private set; }

        /// <summary>Path of the bad field, e.g. "broker.port"; "$" for the whole text.</summary>
        public string Field { get; private set; }

        public string Reason { get; private set; }

        public override string ToString()
        {
            return Ok ? "ok" : Field + ": " + Reason;
        }
    }

    /// <summary>
    /// Reads provisioning.json strictly, like the runtime's tenant document: unknown members, wrong types and
    /// out-of-range values are refused with the field path, so a typo never boots a half-configured board.
    /// </summary>
    public static class ProvisioningParser
    {
        public const int DefaultTelemetrySeconds = 60;
        public const int MinAttestationKeyBytes = 16;
        public const int MaxAttestationKeyBytes = 64;

        private const string UnknownField = "unknown field";

        public static ProvisioningResult Parse(string text)
        {
            object root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonException e)
            {
                return new ProvisioningResult(null, "$", e.Message);
            }
            try
            {
                return new ProvisioningResult(Read(JsonFields.Object(root, "$")), null, null);
            }
            catch (JsonFieldException e)
            {
                return new ProvisioningResult(null, e.Path, e.Reason);
            }
        }

        private static DeviceProvisioning Read(JsonObject doc)
        {
            JsonFields.AllowOnly(doc, "", new string[] { "deviceId", "wifi", "broker", "tenantKeys", "ownerKey", "attestationKey", "telemetrySeconds" }, UnknownField);
            DeviceProvisioning p = new DeviceProvisioning();
            p.DeviceId = JsonFields.RequiredString(doc, "", "deviceId");
            string idError = PolicyParser.ValidateName(p.DeviceId);
            if (idError != null)
            {
                throw new JsonFieldException("deviceId", idError);
            }
            p.TelemetrySeconds = JsonFields.OptionalInt(doc, "", "telemetrySeconds", 1, 86400, DefaultTelemetrySeconds);
            if (doc.Has("wifi"))
            {
                JsonObject wifi = JsonFields.Object(doc.Get("wifi"), "wifi");
                JsonFields.AllowOnly(wifi, "wifi", new string[] { "ssid", "password" }, UnknownField);
                p.WifiSsid = JsonFields.RequiredString(wifi, "wifi", "ssid");
                p.WifiPassword = JsonFields.OptionalString(wifi, "wifi", "password");
                if (p.WifiSsid.Length == 0 || p.WifiSsid.Length > 32)
                {
                    throw new JsonFieldException("wifi.ssid", "must be 1 to 32 characters");
                }
            }
            ReadBroker(JsonFields.Object(JsonFields.Required(doc, "", "broker"), "broker"), p);
            p.TenantKeys = ReadTenantKeys(JsonFields.Array(JsonFields.Required(doc, "", "tenantKeys"), "tenantKeys"));
            string ownerKey = JsonFields.OptionalString(doc, "", "ownerKey");
            if (ownerKey != null)
            {
                p.OwnerKey = ReadPublicPoint(ownerKey, "ownerKey");
                RequireDistinct(p.OwnerKey, p.TenantKeys);
            }
            string attestationKey = JsonFields.OptionalString(doc, "", "attestationKey");
            if (attestationKey != null)
            {
                if (attestationKey.Length < 2 * MinAttestationKeyBytes || attestationKey.Length > 2 * MaxAttestationKeyBytes || attestationKey.Length % 2 != 0)
                {
                    throw new JsonFieldException("attestationKey", "must be " + MinAttestationKeyBytes + " to " + MaxAttestationKeyBytes
                        + " bytes as hex digits, got " + attestationKey.Length + " digits");
                }
                p.AttestationKey = ReadHex(attestationKey, "attestationKey");
            }
            return p;
        }

        private static void ReadBroker(JsonObject broker, DeviceProvisioning p)
        {
            JsonFields.AllowOnly(broker, "broker", new string[] { "host", "port", "tls", "caCertificate", "username", "password" }, UnknownField);
            p.BrokerHost = JsonFields.RequiredString(broker, "broker", "host");
            if (p.BrokerHost.Length == 0)
            {
                throw new JsonFieldException("broker.host", "must not be empty");
            }
            p.BrokerTls = JsonFields.OptionalBool(broker, "broker", "tls", false);
            p.BrokerPort = JsonFields.OptionalInt(broker, "broker", "port", 1, 65535, p.BrokerTls ? 8883 : 1883);
            p.BrokerCaCertificate = JsonFields.OptionalString(broker, "broker", "caCertificate");
            if (p.BrokerCaCertificate != null && !p.BrokerTls)
            {
                throw new JsonFieldException("broker.caCertificate", "is only used with \"tls\": true");
            }
            p.BrokerUsername = JsonFields.OptionalString(broker, "broker", "username");
            p.BrokerPassword = JsonFields.OptionalString(broker, "broker", "password");
            if (p.BrokerPassword != null && p.BrokerUsername == null)
            {
                throw new JsonFieldException("broker.password", "needs a username");
            }
        }

        private static TenantKey[] ReadTenantKeys(JsonArray list)
        {
            TenantKey[] keys = new TenantKey[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string path = "tenantKeys[" + i + "]";
                JsonObject entry = JsonFields.Object(list[i], path);
                JsonFields.AllowOnly(entry, path, new string[] { "tenant", "publicPoint" }, UnknownField);
                string tenant = JsonFields.RequiredString(entry, path, "tenant");
                string nameError = PolicyParser.ValidateName(tenant);
                if (nameError != null)
                {
                    throw new JsonFieldException(path + ".tenant", nameError);
                }
                for (int k = 0; k < i; k++)
                {
                    if (keys[k].TenantId == tenant)
                    {
                        throw new JsonFieldException(path + ".tenant", "tenant '" + tenant + "' is listed twice");
                    }
                }
                keys[i] = new TenantKey(tenant, ReadPublicPoint(JsonFields.RequiredString(entry, path, "publicPoint"), path + ".publicPoint"));
            }
            return keys;
        }

        /// <summary>A policy signed by a tenant must never pass as the owner's, so the keys differ.</summary>
        private static void RequireDistinct(byte[] ownerKey, TenantKey[] tenantKeys)
        {
            for (int i = 0; i < tenantKeys.Length; i++)
            {
                byte[] tenantKey = tenantKeys[i].PublicKey;
                bool same = true;
                for (int b = 0; b < TenantKey.Length && same; b++)
                {
                    same = tenantKey[b] == ownerKey[b];
                }
                if (same)
                {
                    throw new JsonFieldException("ownerKey", "is tenant '" + tenantKeys[i].TenantId
                        + "'s key; the board owner signs policies with a key of their own (wbx keygen)");
                }
            }
        }

        private static byte[] ReadPublicPoint(string hex, string path)
        {
            if (hex.Length != TenantKey.Length * 2)
            {
                throw new JsonFieldException(path, "must be " + (TenantKey.Length * 2)
                    + " hex digits (an uncompressed P-256 point, 04 || X || Y), got " + hex.Length);
            }
            byte[] key = ReadHex(hex, path);
            if (key[0] != 0x04)
            {
                throw new JsonFieldException(path, "must start with 04 (an uncompressed point)");
            }
            return key;
        }

        private static byte[] ReadHex(string hex, string path)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = HexDigit.ValueOf(hex[2 * i]);
                int low = HexDigit.ValueOf(hex[2 * i + 1]);
                if (high < 0 || low < 0)
                {
                    throw new JsonFieldException(path, "must be hex digits only");
                }
                bytes[i] = (byte)((high << 4) | low);
            }
            return bytes;
        }
    }
}
