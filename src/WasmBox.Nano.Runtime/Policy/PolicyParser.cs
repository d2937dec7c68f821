using WasmBox.Nano.Runtime.Board;
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
            catch (PolicyException e)
            {
                return new PolicyParseResult(null, e.Field, e.Reason);
            }
        }

        private static TenantPolicy[] ReadDocument(object root)
        {
            JsonObject doc = AsObject(root, "$");
            CheckMembers(doc, "$", new string[] { "tenants" });
            JsonArray list = AsArray(Required(doc, "tenants", "$"), "tenants");
            TenantPolicy[] tenants = new TenantPolicy[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string path = "tenants[" + i + "]";
                tenants[i] = ReadTenant(AsObject(list[i], path), path);
                for (int k = 0; k < i; k++)
                {
                    if (tenants[k].TenantId == tenants[i].TenantId)
                    {
                        throw new PolicyException(path + ".id", "tenant '" + tenants[i].TenantId + "' is listed twice");
                    }
                    CheckSharedPins(tenants[k], tenants[i], path);
                }
            }
            return tenants;
        }

        private static TenantPolicy ReadTenant(JsonObject obj, string path)
        {
            CheckMembers(obj, path, new string[] { "id", "helpers", "pins", "sensors", "topics", "coapPaths", "limits" });
            string id = AsString(Required(obj, "id", path), path + ".id");
            string idError = ValidateName(id);
            if (idError != null)
            {
                throw new PolicyException(path + ".id", idError);
            }
            int[] helpers = ReadHelpers(AsArray(Required(obj, "helpers", path), path + ".helpers"), path + ".helpers");
            PinGrant[] pins = ReadPins(obj.Get("pins"), path + ".pins");
            SensorGrant[] sensors = ReadSensors(obj.Get("sensors"), path + ".sensors");
            string[] topics = ReadStrings(obj.Get("topics"), path + ".topics", true);
            string[] paths = ReadStrings(obj.Get("coapPaths"), path + ".coapPaths", false);
            TenantLimits limits = ReadLimits(AsObject(Required(obj, "limits", path), path + ".limits"), path + ".limits");
            return new TenantPolicy(id, helpers, pins, sensors, topics, paths, limits);
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
                        throw new PolicyException(at, "unknown helper \"" + (string)item + "\"");
                    }
                }
                else if (item is long)
                {
                    long n = (long)item;
                    if (n < 0 || n > 255 || HelperIds.NameOf((int)n) == null)
                    {
                        throw new PolicyException(at, "unknown helper id " + n);
                    }
                    id = (int)n;
                }
                else
                {
                    throw new PolicyException(at, "must be a helper name or id");
                }
                for (int k = 0; k < i; k++)
                {
                    if (ids[k] == id)
                    {
                        throw new PolicyException(at, HelperIds.Describe(id) + " is listed twice");
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
            JsonArray list = AsArray(value, path);
            PinGrant[] pins = new PinGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = AsObject(list[i], at);
                CheckMembers(obj, at, new string[] { "pin", "mode" });
                int pin = AsInt(Required(obj, "pin", at), at + ".pin", 0, 1023);
                string modeText = AsString(Required(obj, "mode", at), at + ".mode");
                int mode = PinModes.Parse(modeText);
                if (mode < 0)
                {
                    throw new PolicyException(at + ".mode", "unknown mode \"" + modeText + "\" (input, input-pullup, input-pulldown, output)");
                }
                for (int k = 0; k < i; k++)
                {
                    if (pins[k].Pin == pin)
                    {
                        throw new PolicyException(at + ".pin", "pin " + pin + " is listed twice");
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
            JsonArray list = AsArray(value, path);
            SensorGrant[] sensors = new SensorGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = AsObject(list[i], at);
                CheckMembers(obj, at, new string[] { "name", "access" });
                string name = AsString(Required(obj, "name", at), at + ".name");
                if (name.Length == 0)
                {
                    throw new PolicyException(at + ".name", "must not be empty");
                }
                string access = AsString(Required(obj, "access", at), at + ".access");
                if (access != "read" && access != "readwrite")
                {
                    throw new PolicyException(at + ".access", "must be \"read\" or \"readwrite\"");
                }
                for (int k = 0; k < i; k++)
                {
                    if (sensors[k].Name == name)
                    {
                        throw new PolicyException(at + ".name", "sensor \"" + name + "\" is listed twice");
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
            JsonArray list = AsArray(value, path);
            string[] items = new string[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                string item = AsString(list[i], at);
                string error = topics ? TopicFilter.Validate(item, true)
                    : (item.Length == 0 || item[0] != '/' ? "a CoAP path prefix must start with '/'" : null);
                if (error != null)
                {
                    throw new PolicyException(at, error);
                }
                items[i] = item;
            }
            return items;
        }

        private static TenantLimits ReadLimits(JsonObject obj, string path)
        {
            CheckMembers(obj, path, new string[]
            {
                "maxContainers", "maxImageBytes", "ramBytes", "instructionsPerRun", "branchesPerRun",
                "runsPerSecond", "helperCallsPerSecond", "localStore", "globalStore", "eventQueue", "payloadBytes",
            });
            TenantLimits limits = new TenantLimits();
            limits.MaxContainers = AsInt(Required(obj, "maxContainers", path), path + ".maxContainers", 1, 64);
            limits.MaxImageBytes = AsInt(Required(obj, "maxImageBytes", path), path + ".maxImageBytes", 8, 1048576);
            limits.RamBytes = AsInt(Required(obj, "ramBytes", path), path + ".ramBytes", 1, 16777216);
            limits.InstructionsPerRun = AsInt(Required(obj, "instructionsPerRun", path), path + ".instructionsPerRun", 1, int.MaxValue);
            limits.BranchesPerRun = AsInt(Required(obj, "branchesPerRun", path), path + ".branchesPerRun", 0, int.MaxValue);
            limits.RunsPerSecond = AsInt(Required(obj, "runsPerSecond", path), path + ".runsPerSecond", 1, 100000);
            limits.HelperCallsPerSecond = AsInt(Required(obj, "helperCallsPerSecond", path), path + ".helperCallsPerSecond", 0, 10000000);
            limits.LocalStoreCapacity = Optional(obj, "localStore", path, 0, 1024, TenantPolicy.DefaultLocalStoreCapacity);
            limits.GlobalStoreCapacity = Optional(obj, "globalStore", path, 0, 1024, TenantPolicy.DefaultGlobalStoreCapacity);
            limits.EventQueueDepth = Optional(obj, "eventQueue", path, 1, 64, TenantPolicy.DefaultEventQueueDepth);
            limits.PayloadBytes = Optional(obj, "payloadBytes", path, 0, 4096, TenantPolicy.DefaultPayloadBytes);
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
                    throw new PolicyException(path + ".pins[" + i + "].pin", "pin " + pin.Pin + " is also granted to tenant '"
                        + earlier.TenantId + "' as " + PinModes.NameOf(other.Mode) + "; tenants may share a pin only as the same input mode");
                }
            }
        }

        private static void CheckMembers(JsonObject obj, string path, string[] known)
        {
            for (int i = 0; i < obj.Count; i++)
            {
                string name = obj.NameAt(i);
                bool found = false;
                for (int k = 0; k < known.Length && !found; k++)
                {
                    found = known[k] == name;
                }
                if (!found)
                {
                    throw new PolicyException(path + "." + name, "unknown member");
                }
            }
        }

        private static object Required(JsonObject obj, string name, string path)
        {
            object value = obj.Get(name);
            if (value == null)
            {
                throw new PolicyException(path + "." + name, "is required");
            }
            return value;
        }

        private static int Optional(JsonObject obj, string name, string path, int min, int max, int fallback)
        {
            object value = obj.Get(name);
            return value == null ? fallback : AsInt(value, path + "." + name, min, max);
        }

        private static JsonObject AsObject(object value, string path)
        {
            JsonObject obj = value as JsonObject;
            if (obj == null)
            {
                throw new PolicyException(path, "must be an object");
            }
            return obj;
        }

        private static JsonArray AsArray(object value, string path)
        {
            JsonArray array = value as JsonArray;
            if (array == null)
            {
                throw new PolicyException(path, "must be an array");
            }
            return array;
        }

        private static string AsString(object value, string path)
        {
            string text = value as string;
            if (text == null)
            {
                throw new PolicyException(path, "must be a string");
            }
            return text;
        }

        private static int AsInt(object value, string path, int min, int max)
        {
            if (!(value is long))
            {
                throw new PolicyException(path, "must be an integer");
            }
            long n = (long)value;
            if (n < min || n > max)
            {
                throw new PolicyException(path, "must be between " + min + " and " + max + ", got " + n);
            }
            return (int)n;
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

    internal sealed class PolicyException : System.Exception
    {
        public PolicyException(string field, string reason)
            : base(field + ": " + reason)
        {
            Field = field;
            Reason = reason;
        }

        public string Field { get; private set; }

        public string Reason { get; private set; }
    }
}
