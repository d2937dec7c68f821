using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Protocol
{
    /// <summary>
    /// The MQTT topics of one device, all under <c>wbx/{deviceId}/</c> (design page, section 6,
    /// and README.md). Tenant and slot of a deployment come from the signed manifest; the only
    /// topic that names them is invoke, which addresses an installed function.
    /// </summary>
    public sealed class DeviceTopics
    {
        public const string Root = AppTopics.Root;

        /// <summary>Appended to an invoke topic to name its answer.</summary>
        public const string ResultSuffix = "/result";

        public DeviceTopics(string deviceId)
        {
            string error = DeviceIdError(deviceId);
            if (error != null)
            {
                throw new System.ArgumentException(error, "deviceId");
            }
            DeviceId = deviceId;
            Prefix = Root + deviceId + "/";
            Deploy = Prefix + "deploy";
            Result = Prefix + "deploy/result";
            Remove = Prefix + "remove";
            Rollback = Prefix + "rollback";
            InvokePrefix = Prefix + "invoke/";
            InvokeFilter = InvokePrefix + "+/+";
            Telemetry = Prefix + "telemetry";
            Events = Prefix + "events";
            Log = Prefix + "log";
            AttestRequest = Prefix + "attest/request";
            AttestReport = Prefix + "attest/report";
            State = Prefix + "state";
            App = AppTopics.PrefixOf(deviceId);
        }

        public string DeviceId { get; private set; }

        /// <summary>"wbx/{deviceId}/".</summary>
        public string Prefix { get; private set; }

        /// <summary>Signed bundles in (QoS 1).</summary>
        public string Deploy { get; private set; }

        /// <summary>JSON results of deploy, remove and rollback (member "op" says which).</summary>
        public string Result { get; private set; }

        /// <summary>Signed remove commands in.</summary>
        public string Remove { get; private set; }

        /// <summary>Signed rollback commands in.</summary>
        public string Rollback { get; private set; }

        public string InvokePrefix { get; private set; }

        /// <summary>"wbx/{deviceId}/invoke/+/+": tenant and slot levels.</summary>
        public string InvokeFilter { get; private set; }

        public string Telemetry { get; private set; }

        public string Events { get; private set; }

        /// <summary>Tenants' printed and logged lines (QoS 0, rate-limited per tenant).</summary>
        public string Log { get; private set; }

        public string AttestRequest { get; private set; }

        public string AttestReport { get; private set; }

        /// <summary>"wbx/{deviceId}/app/": the tenants' own topics (hooks, grants, publishes), apart from every control topic.</summary>
        public string App { get; private set; }

        /// <summary>Retained "online" JSON; the Last Will publishes the "offline" one.</summary>
        public string State { get; private set; }

        /// <summary>Where an invocation of tenant/slot is published.</summary>
        public string Invoke(string tenant, int slot)
        {
            return InvokePrefix + tenant + "/" + slot;
        }

        /// <summary>Where the device answers an invocation of tenant/slot.</summary>
        public string InvokeResult(string tenant, int slot)
        {
            return Invoke(tenant, slot) + ResultSuffix;
        }

        /// <summary>
        /// Reads tenant and slot from "wbx/{id}/invoke/{tenant}/{slot}" in canonical form only: the
        /// tenant a valid tenant name, the slot <see cref="ParseSlot"/>'s strict decimal. False
        /// otherwise, so a topic that merely names the same function another way ("007") never runs it.
        /// </summary>
        public bool TryParseInvoke(string topic, out string tenant, out int slot)
        {
            tenant = null;
            slot = -1;
            if (topic == null || !topic.StartsWith(InvokePrefix))
            {
                return false;
            }
            int split = topic.IndexOf('/', InvokePrefix.Length);
            if (split <= InvokePrefix.Length || split == topic.Length - 1 || topic.IndexOf('/', split + 1) >= 0)
            {
                return false;
            }
            int value = ParseSlot(topic, split + 1);
            string name = topic.Substring(InvokePrefix.Length, split - InvokePrefix.Length);
            if (value < 0 || PolicyParser.ValidateName(name) != null)
            {
                return false;
            }
            tenant = name;
            slot = value;
            return true;
        }

        /// <summary>True when <paramref name="topic"/> is on this device's invoke tree (canonical or not): it gets an answer.</summary>
        public bool IsInvokeTopic(string topic)
        {
            return topic != null && topic.StartsWith(InvokePrefix);
        }

        /// <summary>
        /// The slot number from <paramref name="start"/> to the end of <paramref name="text"/> in
        /// canonical decimal (1 to 9 digits, no sign, no leading zero unless it is "0"), or -1.
        /// </summary>
        public static int ParseSlot(string text, int start)
        {
            int digits = text == null ? 0 : text.Length - start;
            if (digits < 1 || digits > 9 || (digits > 1 && text[start] == '0'))
            {
                return -1;
            }
            int value = 0;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        /// <summary>
        /// Null when <paramref name="deviceId"/> can name a topic level: 1 to 64 characters of
        /// a-z, A-Z, 0-9, '-', '_' and '.', so no wildcard or separator can sneak into a filter.
        /// </summary>
        public static string DeviceIdError(string deviceId)
        {
            if (deviceId == null || deviceId.Length == 0 || deviceId.Length > 64)
            {
                return "device id must be 1 to 64 characters";
            }
            for (int i = 0; i < deviceId.Length; i++)
            {
                char c = deviceId[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return "device id may use only a-z, A-Z, 0-9, '-', '_' and '.', found '" + c + "'";
                }
            }
            return null;
        }
    }
}
