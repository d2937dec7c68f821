namespace WasmBox.Nano.Runtime.Json
{
    /// <summary>A document field that is missing, mistyped or out of range: its path and why.</summary>
    public sealed class JsonFieldException : System.Exception
    {
        public JsonFieldException(string path, string reason)
            : base(path + ": " + reason)
        {
            Path = path;
            Reason = reason;
        }

        /// <summary>Where the field is, e.g. "broker.port" or "tenants[1].limits.ramBytes".</summary>
        public string Path { get; private set; }

        public string Reason { get; private set; }
    }

    /// <summary>
    /// Typed access to <see cref="JsonReader"/> values for strict configuration parsers; every failure
    /// throws <see cref="JsonFieldException"/> naming the field path. A parent path of "" means the root
    /// object's members are named bare ("deviceId" rather than "$.deviceId").
    /// </summary>
    public static class JsonFields
    {
        public static string PathOf(string parent, string name)
        {
            return parent.Length == 0 ? name : parent + "." + name;
        }

        public static JsonObject Object(object value, string path)
        {
            JsonObject o = value as JsonObject;
            if (o == null)
            {
                throw new JsonFieldException(path, "must be an object");
            }
            return o;
        }

        public static JsonArray Array(object value, string path)
        {
            JsonArray a = value as JsonArray;
            if (a == null)
            {
                throw new JsonFieldException(path, "must be an array");
            }
            return a;
        }

        public static string String(object value, string path)
        {
            string s = value as string;
            if (s == null)
            {
                throw new JsonFieldException(path, "must be a string");
            }
            return s;
        }

        public static int Int(object value, string path, int min, int max)
        {
            if (!(value is long))
            {
                throw new JsonFieldException(path, "must be an integer");
            }
            long n = (long)value;
            if (n < min || n > max)
            {
                throw new JsonFieldException(path, "must be between " + min + " and " + max + ", got " + n);
            }
            return (int)n;
        }

        /// <summary>Refuses the first member not in <paramref name="names"/> with <paramref name="reason"/> (the parsers word it differently).</summary>
        public static void AllowOnly(JsonObject o, string parent, string[] names, string reason)
        {
            for (int i = 0; i < o.Count; i++)
            {
                if (System.Array.IndexOf(names, o.NameAt(i)) < 0)
                {
                    throw new JsonFieldException(PathOf(parent, o.NameAt(i)), reason);
                }
            }
        }

        /// <summary>
        /// Adds an error for every member not in <paramref name="names"/>, naming the member it was
        /// probably meant to be (same letters, other case) or else the ones allowed.
        /// </summary>
        public static void ReportUnknown(JsonObject o, string parent, string[] names, FieldErrors errors)
        {
            for (int i = 0; i < o.Count; i++)
            {
                string name = o.NameAt(i);
                if (System.Array.IndexOf(names, name) < 0)
                {
                    errors.Add(PathOf(parent, name), "unknown member; " + Suggest(name, names));
                }
            }
        }

        private static string Suggest(string name, string[] names)
        {
            string lower = name.ToLower();
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i].ToLower() == lower)
                {
                    return "did you mean \"" + names[i] + "\"?";
                }
            }
            string list = "";
            for (int i = 0; i < names.Length; i++)
            {
                list += (i == 0 ? "" : ", ") + names[i];
            }
            return "remove it or use one of: " + list;
        }

        public static object Required(JsonObject o, string parent, string name)
        {
            object value = o.Get(name);
            if (value == null)
            {
                throw new JsonFieldException(PathOf(parent, name), "is required");
            }
            return value;
        }

        public static string RequiredString(JsonObject o, string parent, string name)
        {
            return String(Required(o, parent, name), PathOf(parent, name));
        }

        public static int RequiredInt(JsonObject o, string parent, string name, int min, int max)
        {
            return Int(Required(o, parent, name), PathOf(parent, name), min, max);
        }

        public static string OptionalString(JsonObject o, string parent, string name)
        {
            return o.Has(name) ? RequiredString(o, parent, name) : null;
        }

        public static bool OptionalBool(JsonObject o, string parent, string name, bool fallback)
        {
            if (!o.Has(name))
            {
                return fallback;
            }
            object value = o.Get(name);
            if (!(value is bool))
            {
                throw new JsonFieldException(PathOf(parent, name), "must be true or false");
            }
            return (bool)value;
        }

        public static int OptionalInt(JsonObject o, string parent, string name, int min, int max, int fallback)
        {
            return o.Has(name) ? RequiredInt(o, parent, name, min, max) : fallback;
        }
    }
}
