namespace WasmBox.Nano.Runtime.Json
{
    /// <summary>
    /// The collecting side of <see cref="JsonFields"/>: a bad field is recorded in a
    /// <see cref="FieldErrors"/> and the reader gets a fallback, so it goes on to the next field and
    /// one pass reports every problem of a document.
    /// </summary>
    public static class FieldReader
    {
        /// <summary>The value as an object, or null (recorded) when it is something else.</summary>
        public static JsonObject Object(object value, string path, FieldErrors errors)
        {
            JsonObject o = value as JsonObject;
            if (o == null)
            {
                errors.Add(path, "must be an object");
            }
            return o;
        }

        /// <summary>The member as an array; null when absent, or (recorded) when it is something else.</summary>
        public static JsonArray OptionalArray(JsonObject o, string parent, string name, FieldErrors errors)
        {
            object value = o.Get(name);
            if (value == null)
            {
                return null;
            }
            JsonArray a = value as JsonArray;
            if (a == null)
            {
                errors.Add(JsonFields.PathOf(parent, name), "must be an array, e.g. \"" + name + "\": []");
            }
            return a;
        }

        /// <summary>The member as an object; null when absent, or (recorded) when it is something else.</summary>
        public static JsonObject OptionalObject(JsonObject o, string parent, string name, FieldErrors errors)
        {
            object value = o.Get(name);
            return value == null ? null : Object(value, JsonFields.PathOf(parent, name), errors);
        }

        /// <summary>A required string member, or null (recorded); <paramref name="example"/> shows the fix.</summary>
        public static string RequiredString(JsonObject o, string parent, string name, string example, FieldErrors errors)
        {
            object value = o.Get(name);
            if (value == null)
            {
                errors.Add(JsonFields.PathOf(parent, name), "is required; add " + example);
                return null;
            }
            string s = value as string;
            if (s == null)
            {
                errors.Add(JsonFields.PathOf(parent, name), "must be a string, e.g. " + example);
            }
            return s;
        }

        /// <summary>A required integer member in [min, max], or <paramref name="min"/> (recorded).</summary>
        public static int RequiredInt(JsonObject o, string parent, string name, int min, int max, FieldErrors errors)
        {
            if (!o.Has(name))
            {
                errors.Add(JsonFields.PathOf(parent, name), "is required; add an integer from " + min + " to " + max);
                return min;
            }
            return OptionalInt(o, parent, name, min, max, min, errors);
        }

        /// <summary>An optional integer member in [min, max]; <paramref name="fallback"/> when absent or bad (recorded).</summary>
        public static int OptionalInt(JsonObject o, string parent, string name, int min, int max, int fallback, FieldErrors errors)
        {
            if (!o.Has(name))
            {
                return fallback;
            }
            try
            {
                return JsonFields.Int(o.Get(name), JsonFields.PathOf(parent, name), min, max);
            }
            catch (JsonFieldException e)
            {
                errors.Add(e);
                return fallback;
            }
        }

        /// <summary>An optional boolean member; <paramref name="fallback"/> when absent or bad (recorded).</summary>
        public static bool OptionalBool(JsonObject o, string parent, string name, bool fallback, FieldErrors errors)
        {
            try
            {
                return JsonFields.OptionalBool(o, parent, name, fallback);
            }
            catch (JsonFieldException e)
            {
                errors.Add(e);
                return fallback;
            }
        }
    }
}
