namespace WasmBox.Nano.Protocol.Json
{
    /// <summary>
    /// Writes one compact JSON document as UTF-8 bytes, ready to publish: objects, arrays, strings,
    /// integers, booleans and null. Commas are placed by the writer; strings are escaped
    /// (quote, backslash, control characters) and a lone surrogate becomes U+FFFD, so the output is
    /// always valid JSON as long as Begin/End calls pair up. The board has no serializer and no
    /// StringBuilder without an extra package, so this writes into its own growing byte array.
    /// </summary>
    public sealed class JsonWriter
    {
        public const int MaxDepth = 16;

        private static readonly byte[] Hex = { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6',
            (byte)'7', (byte)'8', (byte)'9', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f' };

        private readonly bool[] _hasItem = new bool[MaxDepth + 1];
        private byte[] _buffer;
        private int _length;
        private int _depth;
        private bool _afterName;

        public JsonWriter(int initialCapacity)
        {
            _buffer = new byte[initialCapacity < 16 ? 16 : initialCapacity];
        }

        /// <summary>Bytes written so far.</summary>
        public int Length { get { return _length; } }

        /// <summary>The buffer holding the document in its first <see cref="Length"/> bytes (valid until the next write).</summary>
        public byte[] Buffer { get { return _buffer; } }

        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            System.Array.Copy(_buffer, copy, _length);
            return copy;
        }

        public JsonWriter BeginObject()
        {
            return Open((byte)'{');
        }

        public JsonWriter EndObject()
        {
            return Close((byte)'}');
        }

        public JsonWriter BeginArray()
        {
            return Open((byte)'[');
        }

        public JsonWriter EndArray()
        {
            return Close((byte)']');
        }

        /// <summary>A member name inside an object; the next call writes its value.</summary>
        public JsonWriter Name(string name)
        {
            BeforeValue();
            WriteQuoted(name, int.MaxValue);
            Append((byte)':');
            _afterName = true;
            return this;
        }

        /// <summary>A string, or null when <paramref name="value"/> is null.</summary>
        public JsonWriter String(string value)
        {
            return String(value, int.MaxValue);
        }

        /// <summary>A string cut to <paramref name="maxChars"/> characters (marked with "..."), for free text of unknown length.</summary>
        public JsonWriter String(string value, int maxChars)
        {
            BeforeValue();
            if (value == null)
            {
                AppendAscii("null");
            }
            else
            {
                WriteQuoted(value, maxChars);
            }
            return this;
        }

        public JsonWriter Number(long value)
        {
            BeforeValue();
            if (value < 0)
            {
                Append((byte)'-');
            }
            // Digits from the least significant, written backwards; negating long.MinValue would overflow.
            int start = _length;
            do
            {
                // value - quotient * 10 rather than %: nanoCLR computes % on a long read from unsigned
                // storage (an invocation's r0) as an unsigned remainder (Vm.Signed explains why).
                long quotient = value / 10;
                int digit = (int)(value - quotient * 10);
                Append((byte)('0' + (digit < 0 ? -digit : digit)));
                value = quotient;
            }
            while (value != 0);
            Reverse(start, _length - 1);
            return this;
        }

        public JsonWriter Bool(bool value)
        {
            BeforeValue();
            AppendAscii(value ? "true" : "false");
            return this;
        }

        public JsonWriter Null()
        {
            BeforeValue();
            AppendAscii("null");
            return this;
        }

        /// <summary>Bytes as a lower-case hexadecimal string (digests, nonces); null stays null.</summary>
        public JsonWriter HexString(byte[] value)
        {
            return HexString(value, 0, value == null ? 0 : value.Length);
        }

        public JsonWriter HexString(byte[] value, int offset, int count)
        {
            BeforeValue();
            if (value == null)
            {
                AppendAscii("null");
                return this;
            }
            Append((byte)'"');
            for (int i = offset; i < offset + count; i++)
            {
                Append(Hex[value[i] >> 4]);
                Append(Hex[value[i] & 0xF]);
            }
            Append((byte)'"');
            return this;
        }

        public JsonWriter Property(string name, string value)
        {
            return Name(name).String(value);
        }

        public JsonWriter Property(string name, long value)
        {
            return Name(name).Number(value);
        }

        public JsonWriter Property(string name, bool value)
        {
            return Name(name).Bool(value);
        }

        private JsonWriter Open(byte bracket)
        {
            if (_depth == MaxDepth)
            {
                throw new System.InvalidOperationException("JSON nested deeper than " + MaxDepth);
            }
            BeforeValue();
            Append(bracket);
            _depth++;
            _hasItem[_depth] = false;
            return this;
        }

        private JsonWriter Close(byte bracket)
        {
            if (_depth == 0 || _afterName)
            {
                throw new System.InvalidOperationException("unbalanced JSON: nothing open to close, or a name without a value");
            }
            _depth--;
            Append(bracket);
            return this;
        }

        private void BeforeValue()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }
            if (_hasItem[_depth])
            {
                Append((byte)',');
            }
            _hasItem[_depth] = true;
        }

        private void WriteQuoted(string s, int maxChars)
        {
            Append((byte)'"');
            int end = s.Length;
            bool cut = false;
            if (maxChars >= 0 && end > maxChars)
            {
                end = maxChars;
                cut = true;
            }
            for (int i = 0; i < end; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\')
                {
                    Append((byte)'\\');
                    Append((byte)c);
                }
                else if (c < ' ')
                {
                    AppendAscii("\\u00");
                    Append(Hex[c >> 4]);
                    Append(Hex[c & 0xF]);
                }
                else if (c < 0x80)
                {
                    Append((byte)c);
                }
                else if (c < 0x800)
                {
                    Append((byte)(0xC0 | (c >> 6)));
                    Append((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < end && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int code = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                    Append((byte)(0xF0 | (code >> 18)));
                    Append((byte)(0x80 | ((code >> 12) & 0x3F)));
                    Append((byte)(0x80 | ((code >> 6) & 0x3F)));
                    Append((byte)(0x80 | (code & 0x3F)));
                }
                else
                {
                    // A lone surrogate has no UTF-8 form: U+FFFD stands in for it.
                    int code = c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
                    Append((byte)(0xE0 | (code >> 12)));
                    Append((byte)(0x80 | ((code >> 6) & 0x3F)));
                    Append((byte)(0x80 | (code & 0x3F)));
                }
            }
            if (cut)
            {
                AppendAscii("...");
            }
            Append((byte)'"');
        }

        private void AppendAscii(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                Append((byte)s[i]);
            }
        }

        private void Append(byte b)
        {
            if (_length == _buffer.Length)
            {
                byte[] larger = new byte[_buffer.Length * 2];
                System.Array.Copy(_buffer, larger, _length);
                _buffer = larger;
            }
            _buffer[_length++] = b;
        }

        private void Reverse(int from, int to)
        {
            while (from < to)
            {
                byte t = _buffer[from];
                _buffer[from++] = _buffer[to];
                _buffer[to--] = t;
            }
        }
    }
}
