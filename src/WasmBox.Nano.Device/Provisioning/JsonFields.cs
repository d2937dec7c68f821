using WasmBox.Nano.Runtime.Json;

namespace WasmBox.Nano.Device.Provisioning
{
    /// <summary>A provisioning field that is missing, mistyped or out of range.</summary>
    internal sealed class ProvisioningException : System.Exception
    {
        public ProvisioningException(string field, string reason)
            : base(field + ": " + reason)
        {
            Field = field;
            Reason = reason;
        }

        public string Field { get; private set; }

        public string Reason { get; private set; }
    }

    /// <summary>Typed access to the runtime JSON reader's values; every failure names the field path.</summary>
    internal static class JsonFields
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
                throw new ProvisioningException(path, "must be an object");
            }
            return o;
        }

        public static JsonArray Array(object value, string path)
        {
            JsonArray a = value as JsonArray;
            if (a == null)
            {
                throw new ProvisioningException(path, "must be an array");
            }
            return a;
        }

        public static void AllowOnly(JsonObject o, string path, string[] names)
        {
            for (int i = 0; i < o.Count; i++)
            {
                if (System.Array.IndexOf(names, o.NameAt(i)) < 0)
                {
                    throw new ProvisioningException(PathOf(path, o.NameAt(i)), "unknown field");
                }
            }
        }

        public static object Required(JsonObject o, string path, string name)
        {
            object value = o.Get(name);
            if (value == null)
            {
                throw new ProvisioningException(PathOf(path, name), "is required");
            }
            return value;
        }

        public static string RequiredString(JsonObject o, string path, string name)
        {
            string s = Required(o, path, name) as string;
            if (s == null)
            {
                throw new ProvisioningException(PathOf(path, name), "must be a string");
            }
            return s;
        }

        public static string OptionalString(JsonObject o, string path, string name)
        {
            return o.Has(name) ? RequiredString(o, path, name) : null;
        }

        public static bool OptionalBool(JsonObject o, string path, string name, bool fallback)
        {
            if (!o.Has(name))
            {
                return fallback;
            }
            object value = o.Get(name);
            if (!(value is bool))
            {
                throw new ProvisioningException(PathOf(path, name), "must be true or false");
            }
            return (bool)value;
        }

        public static int OptionalInt(JsonObject o, string path, string name, int min, int max, int fallback)
        {
            if (!o.Has(name))
            {
                return fallback;
            }
            object value = o.Get(name);
            if (!(value is long))
            {
                throw new ProvisioningException(PathOf(path, name), "must be an integer");
            }
            long n = (long)value;
            if (n < min || n > max)
            {
                throw new ProvisioningException(PathOf(path, name), "must be between " + min + " and " + max + ", got " + n);
            }
            return (int)n;
        }
    }
}
