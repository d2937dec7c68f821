using System.Collections;

namespace WasmBox.Nano.Runtime.Json
{
    /// <summary>A JSON object: names in document order, duplicates refused by the reader.</summary>
    public sealed class JsonObject
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();

        public int Count { get { return _names.Count; } }

        public string NameAt(int index)
        {
            return (string)_names[index];
        }

        public object ValueAt(int index)
        {
            return _values[index];
        }

        public bool Has(string name)
        {
            return _names.IndexOf(name) >= 0;
        }

        /// <summary>The member's value (a string, long, bool, JsonObject, JsonArray or JsonNull), or null when absent.</summary>
        public object Get(string name)
        {
            int i = _names.IndexOf(name);
            return i < 0 ? null : _values[i];
        }

        internal bool TryAdd(string name, object value)
        {
            if (Has(name))
            {
                return false;
            }
            _names.Add(name);
            _values.Add(value);
            return true;
        }
    }

    /// <summary>A JSON array.</summary>
    public sealed class JsonArray
    {
        private readonly ArrayList _items = new ArrayList();

        public int Count { get { return _items.Count; } }

        public object this[int index] { get { return _items[index]; } }

        internal void Add(object value)
        {
            _items.Add(value);
        }
    }

    /// <summary>JSON's null, distinct from an absent member.</summary>
    public sealed class JsonNull
    {
        public static readonly JsonNull Value = new JsonNull();

        private JsonNull()
        {
        }
    }
}
