using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Json;

namespace WasmBox.Nano.Runtime.Policy
{
    /// <summary>The outcome of parsing a provisioning document: tenants, or every bad field and why.</summary>
    public sealed class PolicyParseResult
    {
        private readonly FieldErrors _errors;

        internal PolicyParseResult(TenantPolicy[] tenants, FieldErrors errors)
        {
            Tenants = tenants;
            _errors = errors;
        }

        public bool Ok { get { return Tenants != null; } }

        public TenantPolicy[] Tenants { get; private set; }

        /// <summary>Path of the first offending field, e.g. "tenants[1].limits.ramBytes"; "$" for the whole text.</summary>
        public string Field { get { return Ok ? null : ErrorAt(0).Path; } }

        /// <summary>What is wrong with <see cref="Field"/>, and the fix.</summary>
        public string Reason { get { return Ok ? null : ErrorAt(0).Reason; } }

        /// <summary>Every problem found, in document order (0 when <see cref="Ok"/>).</summary>
        public int ErrorCount { get { return _errors.Count; } }

        public FieldError ErrorAt(int index)
        {
            return _errors.At(index);
        }

        /// <summary>The first error and how many more there are, for one-line messages.</summary>
        public string FirstError()
        {
            if (Ok)
            {
                return null;
            }
            return ErrorAt(0).ToString() + (ErrorCount > 1 ? " (and " + (ErrorCount - 1) + " more)" : "");
        }

        /// <summary>"ok", or one "path: reason" line per error.</summary>
        public override string ToString()
        {
            if (Ok)
            {
                return "ok";
            }
            string text = ErrorAt(0).ToString();
            for (int i = 1; i < ErrorCount; i++)
            {
                text += "\n" + ErrorAt(i).ToString();
            }
            return text;
        }
    }

    /// <summary>
    /// Reads the board owner's provisioning document (strict JSON, format and defaults in the README;
    /// the host's schema is <c>tenant-policy.schema.json</c> beside this file):
    /// <c>{"tenants": [{"id", "helpers", "pins", "sensors", "topics", "coapPaths", "i2c", "signedInvokes", "limits"}]}</c>.
    /// Only "id" is required; every limit has a default (<see cref="LimitRange"/>). Unknown members,
    /// wrong types, out-of-range values, duplicate tenants or pins, unknown helpers and an output pin
    /// granted to two tenants are refused, all of them in one pass, each with the field and the fix.
    /// </summary>
    public static class PolicyParser
    {
        public const int MaxTenantIdLength = 32;

        private const string IdExample = "\"id\": \"acme\" (1 to 32 of a-z 0-9 - _)";

        public static PolicyParseResult Parse(string text)
        {
            FieldErrors errors = new FieldErrors();
            object root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonException e)
            {
                errors.Add("$", e.Message);
                return new PolicyParseResult(null, errors);
            }
            TenantPolicy[] tenants = ReadDocument(root, errors);
            return new PolicyParseResult(errors.Count == 0 ? tenants : null, errors);
        }

        private static TenantPolicy[] ReadDocument(object root, FieldErrors errors)
        {
            JsonObject doc = root as JsonObject;
            if (doc == null)
            {
                errors.Add("$", "must be an object: {\"tenants\": [{\"id\": \"acme\"}]}");
                return null;
            }
            JsonFields.ReportUnknown(doc, "$", PolicyKeys.Document, errors);
            if (!doc.Has("tenants"))
            {
                errors.Add("$.tenants", "is required; add \"tenants\": [{\"id\": \"acme\"}]");
                return null;
            }
            JsonArray list = doc.Get("tenants") as JsonArray;
            if (list == null)
            {
                errors.Add("tenants", "must be an array: \"tenants\": [{\"id\": \"acme\"}]");
                return null;
            }
            TenantPolicy[] tenants = new TenantPolicy[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string path = "tenants[" + i + "]";
                JsonObject obj = FieldReader.Object(list[i], path, errors);
                tenants[i] = obj == null ? null : ReadTenant(obj, path, errors);
                for (int k = 0; k < i && tenants[i] != null; k++)
                {
                    if (tenants[k] == null)
                    {
                        continue;
                    }
                    if (tenants[k].TenantId == tenants[i].TenantId)
                    {
                        errors.Add(path + ".id", "tenant '" + tenants[i].TenantId + "' is listed twice (also tenants[" + k + "]); merge the two or rename one");
                    }
                    CheckSharedPins(tenants[k], tenants[i], path, errors);
                }
            }
            return tenants;
        }

        /// <summary>The tenant's policy, or null when any of its fields was bad (each recorded).</summary>
        private static TenantPolicy ReadTenant(JsonObject obj, string path, FieldErrors errors)
        {
            int before = errors.Count;
            JsonFields.ReportUnknown(obj, path, PolicyKeys.Tenant, errors);
            string id = FieldReader.RequiredString(obj, path, "id", IdExample, errors);
            string idError = id == null ? null : ValidateName(id);
            if (idError != null)
            {
                errors.Add(path + ".id", idError + ", e.g. " + IdExample);
            }
            int[] helpers = ReadHelpers(FieldReader.OptionalArray(obj, path, "helpers", errors), path + ".helpers", errors);
            PinGrant[] pins = ReadPins(FieldReader.OptionalArray(obj, path, "pins", errors), path + ".pins", errors);
            SensorGrant[] sensors = ReadSensors(FieldReader.OptionalArray(obj, path, "sensors", errors), path + ".sensors", errors);
            string[] topics = ReadStrings(FieldReader.OptionalArray(obj, path, "topics", errors), path + ".topics", true, errors);
            string[] paths = ReadStrings(FieldReader.OptionalArray(obj, path, "coapPaths", errors), path + ".coapPaths", false, errors);
            I2cGrant[] i2c = I2cGrantReader.Read(FieldReader.OptionalArray(obj, path, "i2c", errors), path + ".i2c", errors);
            PeripheralGrants peripherals = PeripheralGrantReader.Read(obj, path, errors);
            bool signedInvokes = FieldReader.OptionalBool(obj, path, "signedInvokes", false, errors);
            TenantLimits limits = ReadLimits(FieldReader.OptionalObject(obj, path, "limits", errors), path + ".limits", errors);
            return errors.Count > before ? null : new TenantPolicy(id, helpers, pins, sensors, topics, paths, i2c, peripherals, limits, signedInvokes);
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

        private static int[] ReadHelpers(JsonArray list, string path, FieldErrors errors)
        {
            if (list == null)
            {
                return new int[0];
            }
            int[] ids = new int[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                object item = list[i];
                int id = -1;
                if (item is string)
                {
                    id = HelperIds.IdOf((string)item);
                    if (id < 0)
                    {
                        errors.Add(at, "unknown helper \"" + (string)item + "\"; use a name from the helper table, e.g. \"print\", \"now_ms\", \"gpio_write\"");
                    }
                }
                else if (item is long)
                {
                    long n = (long)item;
                    if (n >= 0 && n <= 255 && HelperIds.NameOf((int)n) != null)
                    {
                        id = (int)n;
                    }
                    else
                    {
                        errors.Add(at, "unknown helper id " + n + "; use an id from the helper table (1 is print) or the helper's name");
                    }
                }
                else
                {
                    errors.Add(at, "must be a helper name or id, e.g. \"print\" or 1");
                }
                for (int k = 0; k < i && id >= 0; k++)
                {
                    if (ids[k] == id)
                    {
                        errors.Add(at, HelperIds.Describe(id) + " is listed twice (also " + path + "[" + k + "]); remove one");
                    }
                }
                ids[i] = id;
            }
            return ids;
        }

        private static PinGrant[] ReadPins(JsonArray list, string path, FieldErrors errors)
        {
            if (list == null)
            {
                return new PinGrant[0];
            }
            PinGrant[] pins = new PinGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = FieldReader.Object(list[i], at, errors);
                if (obj == null)
                {
                    continue;
                }
                JsonFields.ReportUnknown(obj, at, PolicyKeys.Pin, errors);
                int pin = FieldReader.RequiredInt(obj, at, "pin", 0, 1023, errors);
                string modeText = FieldReader.RequiredString(obj, at, "mode", "\"mode\": \"output\" (input, input-pullup, input-pulldown, output)", errors);
                int mode = modeText == null ? -1 : PinModes.Parse(modeText);
                if (modeText != null && mode < 0)
                {
                    errors.Add(at + ".mode", "unknown mode \"" + modeText + "\"; use input, input-pullup, input-pulldown or output");
                }
                for (int k = 0; k < i; k++)
                {
                    if (pins[k] != null && pins[k].Pin == pin)
                    {
                        errors.Add(at + ".pin", "pin " + pin + " is listed twice (also " + path + "[" + k + "]); grant each pin once");
                    }
                }
                pins[i] = mode < 0 ? null : new PinGrant(pin, (PinDriveMode)mode);
            }
            return pins;
        }

        private static SensorGrant[] ReadSensors(JsonArray list, string path, FieldErrors errors)
        {
            if (list == null)
            {
                return new SensorGrant[0];
            }
            SensorGrant[] sensors = new SensorGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = FieldReader.Object(list[i], at, errors);
                if (obj == null)
                {
                    continue;
                }
                JsonFields.ReportUnknown(obj, at, PolicyKeys.Sensor, errors);
                string name = FieldReader.RequiredString(obj, at, "name", "the board's sensor name, e.g. \"name\": \"temp0\"", errors);
                if (name != null && name.Length == 0)
                {
                    errors.Add(at + ".name", "must not be empty; use the board's sensor name, e.g. \"temp0\"");
                }
                string access = FieldReader.RequiredString(obj, at, "access", "\"access\": \"read\" (or \"readwrite\")", errors);
                if (access != null && access != "read" && access != "readwrite")
                {
                    errors.Add(at + ".access", "must be \"read\" or \"readwrite\", got \"" + access + "\"");
                }
                for (int k = 0; k < i && name != null; k++)
                {
                    if (sensors[k] != null && sensors[k].Name == name)
                    {
                        errors.Add(at + ".name", "sensor \"" + name + "\" is listed twice (also " + path + "[" + k + "]); grant each sensor once");
                    }
                }
                sensors[i] = name == null || access == null ? null : new SensorGrant(name, access == "readwrite");
            }
            return sensors;
        }

        private static string[] ReadStrings(JsonArray list, string path, bool topics, FieldErrors errors)
        {
            if (list == null)
            {
                return new string[0];
            }
            string[] items = new string[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                string item = list[i] as string;
                string error = item == null ? (topics ? "must be a string, e.g. \"acme/#\"" : "must be a string, e.g. \"/acme/\"")
                    : topics ? TopicFilter.Validate(item, true)
                    : (item.Length == 0 || item[0] != '/' ? "a CoAP path prefix must start with '/', e.g. \"/acme/\"" : null);
                if (error != null)
                {
                    errors.Add(at, error);
                }
                items[i] = item;
            }
            return items;
        }

        /// <summary>The tenant's budgets: each member given, or its <see cref="LimitRange"/> default.</summary>
        private static TenantLimits ReadLimits(JsonObject obj, string path, FieldErrors errors)
        {
            if (obj == null)
            {
                obj = new JsonObject();
            }
            JsonFields.ReportUnknown(obj, path, PolicyKeys.Limits(), errors);
            TenantLimits limits = new TenantLimits();
            limits.MaxContainers = Limit(obj, path, LimitRange.MaxContainers, errors);
            limits.MaxImageBytes = Limit(obj, path, LimitRange.MaxImageBytes, errors);
            limits.RamBytes = Limit(obj, path, LimitRange.RamBytes, errors);
            limits.InstructionsPerRun = Limit(obj, path, LimitRange.InstructionsPerRun, errors);
            limits.BranchesPerRun = Limit(obj, path, LimitRange.BranchesPerRun, errors);
            limits.RunsPerSecond = Limit(obj, path, LimitRange.RunsPerSecond, errors);
            LimitRange outside = LimitRange.OutsideRunsPerSecond;
            limits.OutsideRunsPerSecond = FieldReader.OptionalInt(obj, path, outside.Name, outside.Min, outside.Max, limits.RunsPerSecond, errors);
            limits.HelperCallsPerSecond = Limit(obj, path, LimitRange.HelperCallsPerSecond, errors);
            limits.LocalStoreCapacity = Limit(obj, path, LimitRange.LocalStore, errors);
            limits.GlobalStoreCapacity = Limit(obj, path, LimitRange.GlobalStore, errors);
            limits.EventQueueDepth = Limit(obj, path, LimitRange.EventQueue, errors);
            limits.PayloadBytes = Limit(obj, path, LimitRange.PayloadBytes, errors);
            return limits;
        }

        private static int Limit(JsonObject obj, string path, LimitRange range, FieldErrors errors)
        {
            return FieldReader.OptionalInt(obj, path, range.Name, range.Min, range.Max, range.Default, errors);
        }

        /// <summary>A pin two tenants could both drive or reconfigure would let one interfere with the other.</summary>
        private static void CheckSharedPins(TenantPolicy earlier, TenantPolicy later, string path, FieldErrors errors)
        {
            for (int i = 0; i < later.PinCount; i++)
            {
                PinGrant pin = later.PinAt(i);
                PinGrant other = earlier.FindPin(pin.Pin);
                if (other != null && !pin.CanShareWith(other))
                {
                    errors.Add(path + ".pins[" + i + "].pin", "pin " + pin.Pin + " is also granted to tenant '"
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
