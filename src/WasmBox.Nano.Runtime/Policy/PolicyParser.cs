using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Json;

namespace WasmBox.Nano.Runtime.Policy
{
    /// <summary>The outcome of parsing a provisioning document: tenants, or the bad field and why.</summary>
    public sealed class PolicyParseResult
    {
        internal PolicyParseResult(TenantPolicy[] tenants, string field, string reason)
        {
            Tenants = tenants;
            Field = field;
            Reason = reason;
        }

        public bool Ok { get { return Tenants != null; } }

        public TenantPolicy[] Tenants { get; private set; }

        /// <summary>Path of the offending field, e.g. "tenants[1].limits.ramBytes"; "$" for the whole text.</summary>
        public string Field { get; private set; }

        public string Reason { get; private set; }

        public override string ToString()
        {
            return Ok ? "ok" : Field + ": " + Reason;
        }
    }

    /// <summary>
    /// Reads the board owner's provisioning document (strict JSON, format in the README):
    /// <c>{"tenants": [{"id", "helpers", "pins", "sensors", "topics", "coapPaths", "limits"}]}</c>.
    /// Unknown members, wrong types, out-of-range values, duplicate tenants or pins, unknown
    /// helpers and an output pin granted to two tenants are refused with the field and reason.
    /// </summary>
    public static class PolicyParser
    {
        public const int MaxTenantIdLength = 32;

        private const string UnknownMember = "unknown member";

        public static PolicyParseResult Parse(string text)
        {
            object root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonException e)
            {
                return new PolicyParseResult(null, "$", e.Message);
            }
            try
            {
                return new PolicyParseResult(ReadDocument(root), null, null);
            }
            catch (JsonFieldException e)
            {
                return new PolicyParseResult(null, e.Path, e.Reason);
            }
        }

        private static TenantPolicy[] ReadDocument(object root)
        {
            JsonObject doc = JsonFields.Object(root, "$");
            JsonFields.AllowOnly(doc, "$", new string[] { "tenants" }, UnknownMember);
            JsonArray list = JsonFields.Array(JsonFields.Required(doc, "$", "tenants"), "tenants");
            TenantPolicy[] tenants = new TenantPolicy[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string path = "tenants[" + i + "]";
                tenants[i] = ReadTenant(JsonFields.Object(list[i], path), path);
                for (int k = 0; k < i; k++)
                {
                    if (tenants[k].TenantId == tenants[i].TenantId)
                    {
                        throw new JsonFieldException(path + ".id", "tenant '" + tenants[i].TenantId + "' is listed twice");
                    }
                    CheckSharedPins(tenants[k], tenants[i], path);
                }
            }
            return tenants;
        }

        private static TenantPolicy ReadTenant(JsonObject obj, string path)
        {
            JsonFields.AllowOnly(obj, path, new string[] { "id", "helpers", "pins", "sensors", "topics", "coapPaths", "i2c",
                "spi", "uart", "pwm", "adc", "signedInvokes", "limits" }, UnknownMember);
            string id = JsonFields.RequiredString(obj, path, "id");
            string idError = ValidateName(id);
            if (idError != null)
            {
                throw new JsonFieldException(path + ".id", idError);
            }
            int[] helpers = ReadHelpers(JsonFields.Array(JsonFields.Required(obj, path, "helpers"), path + ".helpers"), path + ".helpers");
            PinGrant[] pins = ReadPins(obj.Get("pins"), path + ".pins");
            SensorGrant[] sensors = ReadSensors(obj.Get("sensors"), path + ".sensors");
            string[] topics = ReadStrings(obj.Get("topics"), path + ".topics", true);
            string[] paths = ReadStrings(obj.Get("coapPaths"), path + ".coapPaths", false);
            TenantLimits limits = ReadLimits(JsonFields.Object(JsonFields.Required(obj, path, "limits"), path + ".limits"), path + ".limits");
            I2cGrant[] i2c = I2cGrantReader.Read(obj.Get("i2c"), path + ".i2c");
            PeripheralGrants peripherals = PeripheralGrantReader.Read(obj, path);
            bool signedInvokes = JsonFields.OptionalBool(obj, path, "signedInvokes", false);
            return new TenantPolicy(id, helpers, pins, sensors, topics, paths, i2c, peripherals, limits, signedInvokes);
        }

        /// <summary>Null when a tenant or container name is 1..32 characters of a-z, 0-9, '-' and '_', else the reason.</summary>
        public static string ValidateName(string id)
        {
            if (id.Length == 0 || id.Length > MaxTenantIdLength)
            {
                return "must be 1 to " + MaxTenantIdLength + " characters";
            }
            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return "may only contain a-z, 0-9, '-' and '_'";
                }
            }
            return null;
        }

        private static int[] ReadHelpers(JsonArray list, string path)
        {
            int[] ids = new int[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                object item = list[i];
                int id;
                if (item is string)
                {
                    id = HelperIds.IdOf((string)item);
                    if (id < 0)
                    {
                        throw new JsonFieldException(at, "unknown helper \"" + (string)item + "\"");
                    }
                }
                else if (item is long)
                {
                    long n = (long)item;
                    if (n < 0 || n > 255 || HelperIds.NameOf((int)n) == null)
                    {
                        throw new JsonFieldException(at, "unknown helper id " + n);
                    }
                    id = (int)n;
                }
                else
                {
                    throw new JsonFieldException(at, "must be a helper name or id");
                }
                for (int k = 0; k < i; k++)
                {
                    if (ids[k] == id)
                    {
                        throw new JsonFieldException(at, HelperIds.Describe(id) + " is listed twice");
                    }
                }
                ids[i] = id;
            }
            return ids;
        }

        private static PinGrant[] ReadPins(object value, string path)
        {
            if (value == null)
            {
                return new PinGrant[0];
            }
            JsonArray list = JsonFields.Array(value, path);
            PinGrant[] pins = new PinGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = JsonFields.Object(list[i], at);
                JsonFields.AllowOnly(obj, at, new string[] { "pin", "mode" }, UnknownMember);
                int pin = JsonFields.RequiredInt(obj, at, "pin", 0, 1023);
                string modeText = JsonFields.RequiredString(obj, at, "mode");
                int mode = PinModes.Parse(modeText);
                if (mode < 0)
                {
                    throw new JsonFieldException(at + ".mode", "unknown mode \"" + modeText + "\" (input, input-pullup, input-pulldown, output)");
                }
                for (int k = 0; k < i; k++)
                {
                    if (pins[k].Pin == pin)
                    {
                        throw new JsonFieldException(at + ".pin", "pin " + pin + " is listed twice");
                    }
                }
                pins[i] = new PinGrant(pin, (PinDriveMode)mode);
            }
            return pins;
        }

        private static SensorGrant[] ReadSensors(object value, string path)
        {
            if (value == null)
            {
                return new SensorGrant[0];
            }
            JsonArray list = JsonFields.Array(value, path);
            SensorGrant[] sensors = new SensorGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = JsonFields.Object(list[i], at);
                JsonFields.AllowOnly(obj, at, new string[] { "name", "access" }, UnknownMember);
                string name = JsonFields.RequiredString(obj, at, "name");
                if (name.Length == 0)
                {
                    throw new JsonFieldException(at + ".name", "must not be empty");
                }
                string access = JsonFields.RequiredString(obj, at, "access");
                if (access != "read" && access != "readwrite")
                {
                    throw new JsonFieldException(at + ".access", "must be \"read\" or \"readwrite\"");
                }
                for (int k = 0; k < i; k++)
                {
                    if (sensors[k].Name == name)
                    {
                        throw new JsonFieldException(at + ".name", "sensor \"" + name + "\" is listed twice");
                    }
                }
                sensors[i] = new SensorGrant(name, access == "readwrite");
            }
            return sensors;
        }

        private static string[] ReadStrings(object value, string path, bool topics)
        {
            if (value == null)
            {
                return new string[0];
            }
            JsonArray list = JsonFields.Array(value, path);
            string[] items = new string[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                string item = JsonFields.String(list[i], at);
                string error = topics ? TopicFilter.Validate(item, true)
                    : (item.Length == 0 || item[0] != '/' ? "a CoAP path prefix must start with '/'" : null);
                if (error != null)
                {
                    throw new JsonFieldException(at, error);
                }
                items[i] = item;
            }
            return items;
        }

        private static TenantLimits ReadLimits(JsonObject obj, string path)
        {
            JsonFields.AllowOnly(obj, path, new string[]
            {
                "maxContainers", "maxImageBytes", "ramBytes", "instructionsPerRun", "branchesPerRun",
                "runsPerSecond", "outsideRunsPerSecond", "helperCallsPerSecond", "localStore", "globalStore", "eventQueue", "payloadBytes",
            }, UnknownMember);
            TenantLimits limits = new TenantLimits();
            limits.MaxContainers = JsonFields.RequiredInt(obj, path, "maxContainers", 1, 64);
            limits.MaxImageBytes = JsonFields.RequiredInt(obj, path, "maxImageBytes", 8, 1048576);
            limits.RamBytes = JsonFields.RequiredInt(obj, path, "ramBytes", 1, 16777216);
            limits.InstructionsPerRun = JsonFields.RequiredInt(obj, path, "instructionsPerRun", 1, int.MaxValue);
            limits.BranchesPerRun = JsonFields.RequiredInt(obj, path, "branchesPerRun", 0, int.MaxValue);
            limits.RunsPerSecond = JsonFields.RequiredInt(obj, path, "runsPerSecond", 1, 100000);
            limits.OutsideRunsPerSecond = JsonFields.OptionalInt(obj, path, "outsideRunsPerSecond", 1, 100000, limits.RunsPerSecond);
            limits.HelperCallsPerSecond = JsonFields.RequiredInt(obj, path, "helperCallsPerSecond", 0, 10000000);
            limits.LocalStoreCapacity = JsonFields.OptionalInt(obj, path, "localStore", 0, 1024, TenantPolicy.DefaultLocalStoreCapacity);
            limits.GlobalStoreCapacity = JsonFields.OptionalInt(obj, path, "globalStore", 0, 1024, TenantPolicy.DefaultGlobalStoreCapacity);
            limits.EventQueueDepth = JsonFields.OptionalInt(obj, path, "eventQueue", 1, 64, TenantPolicy.DefaultEventQueueDepth);
            limits.PayloadBytes = JsonFields.OptionalInt(obj, path, "payloadBytes", 0, 4096, TenantPolicy.DefaultPayloadBytes);
            return limits;
        }

        /// <summary>A pin two tenants could both drive or reconfigure would let one interfere with the other.</summary>
        private static void CheckSharedPins(TenantPolicy earlier, TenantPolicy later, string path)
        {
            for (int i = 0; i < later.PinCount; i++)
            {
                PinGrant pin = later.PinAt(i);
                PinGrant other = earlier.FindPin(pin.Pin);
                if (other != null && !pin.CanShareWith(other))
                {
                    throw new JsonFieldException(path + ".pins[" + i + "].pin", "pin " + pin.Pin + " is also granted to tenant '"
                        + earlier.TenantId + "' as " + PinModes.NameOf(other.Mode) + "; tenants may share a pin only as the same input mode");
                }
            }
        }
    }

    /// <summary>Pin mode names used in documents and manifests.</summary>
    public static class PinModes
    {
        /// <summary>The <see cref="PinDriveMode"/> value for a name, or -1.</summary>
        public static int Parse(string name)
        {
            switch (name)
            {
                case "input": return (int)PinDriveMode.Input;
                case "input-pullup": return (int)PinDriveMode.InputPullUp;
                case "input-pulldown": return (int)PinDriveMode.InputPullDown;
                case "output": return (int)PinDriveMode.Output;
                default: return -1;
            }
        }

        public static string NameOf(PinDriveMode mode)
        {
            switch (mode)
            {
                case PinDriveMode.Input: return "input";
                case PinDriveMode.InputPullUp: return "input-pullup";
                case PinDriveMode.InputPullDown: return "input-pulldown";
                case PinDriveMode.Output: return "output";
                default: return "unknown";
            }
        }
    }
}
