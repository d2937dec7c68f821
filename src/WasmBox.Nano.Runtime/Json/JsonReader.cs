namespace WasmBox.Nano.Runtime.Json
{
    /// <summary>Why a text is not acceptable JSON, and where (1-based line and column).</summary>
    public sealed class JsonException : System.Exception
    {
        public JsonException(string message, int line, int column)
            : base("line " + line + ", column " + column + ": " + message)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; private set; }

        public int Column { get; private set; }
    }

    /// <summary>
    /// A small strict JSON reader for configuration documents (System.Text.Json does not exist
    /// on nanoFramework). Values become string, long, bool, <see cref="JsonObject"/>,
    /// <see cref="JsonArray"/> or <see cref="JsonNull"/>. Subset: numbers are integers only
    /// (configuration needs no fractions); everything else is RFC 8259 and anything malformed
    /// (trailing commas, comments, duplicate names, unescaped control characters, trailing
    /// text, nesting deeper than <see cref="MaxDepth"/>) is refused with its position.
    /// </summary>
    public sealed class JsonReader
    {
        public const int MaxDepth = 16;

        private readonly string _text;
        private int _pos;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>Parses a whole document; throws <see cref="JsonException"/> when it is not valid.</summary>
        public static object Parse(string text)
        {
            if (text == null)
            {
                throw new System.ArgumentNullException("text");
            }
            JsonReader reader = new JsonReader(text);
            reader.SkipSpace();
            object value = reader.ReadValue(0);
            reader.SkipSpace();
            if (reader._pos != text.Length)
            {
                throw reader.Error("unexpected text after the document");
            }
            return value;
        }

        private object ReadValue(int depth)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of document");
            }
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ReadObject(depth + 1);
                case '[': return ReadArray(depth + 1);
                case '"': return ReadString();
                case 't': Expect("true"); return true;
                case 'f': Expect("false"); return false;
                case 'n': Expect("null"); return JsonNull.Value;
                default:
                    if (c == '-' || IsDigit(c))
                    {
                        return ReadInteger();
                    }
                    throw Error("unexpected character '" + c + "'");
            }
        }

        private JsonObject ReadObject(int depth)
        {
            CheckDepth(depth);
            JsonObject obj = new JsonObject();
            _pos++;
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                return obj;
            }
            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw Error("expected a member name in double quotes");
                }
                int namePos = _pos;
                string name = ReadString();
                SkipSpace();
                if (Peek() != ':')
                {
                    throw Error("expected ':' after member name");
                }
                _pos++;
                SkipSpace();
                object value = ReadValue(depth);
                if (!obj.TryAdd(name, value))
                {
                    _pos = namePos;
                    throw Error("duplicate member \"" + name + "\"");
                }
                SkipSpace();
                char c = Peek();
                _pos++;
                if (c == '}')
                {
                    return obj;
                }
                if (c != ',')
                {
                    _pos--;
                    throw Error("expected ',' or '}'");
                }
            }
        }

        private JsonArray ReadArray(int depth)
        {
            CheckDepth(depth);
            JsonArray array = new JsonArray();
            _pos++;
            SkipSpace();
            if (Peek() == ']')
            {
                _pos++;
                return array;
            }
            while (true)
            {
                SkipSpace();
                array.Add(ReadValue(depth));
                SkipSpace();
                char c = Peek();
                _pos++;
                if (c == ']')
                {
                    return array;
                }
                if (c != ',')
                {
                    _pos--;
                    throw Error("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            _pos++;
            char[] buffer = new char[16];
            int length = 0;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("unterminated string");
                }
                char c = _text[_pos++];
                if (c == '"')
                {
                    return new string(buffer, 0, length);
                }
                if (c < ' ')
                {
                    _pos--;
                    throw Error("control character in string");
                }
                if (c == '\\')
                {
                    c = ReadEscape();
                }
                if (length == buffer.Length)
                {
                    char[] bigger = new char[buffer.Length * 2];
                    System.Array.Copy(buffer, bigger, length);
                    buffer = bigger;
                }
                buffer[length++] = c;
            }
        }

        private char ReadEscape()
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }
            char e = _text[_pos++];
            switch (e)
            {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'u':
                    int code = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        int digit = _pos < _text.Length ? HexDigit.ValueOf(_text[_pos]) : -1;
                        if (digit < 0)
                        {
                            throw Error("\\u needs four hex digits");
                        }
                        code = (code << 4) | digit;
                        _pos++;
                    }
                    return (char)code;
                default:
                    _pos--;
                    throw Error("unknown escape '\\" + e + "'");
            }
        }

        private long ReadInteger()
        {
            int start = _pos;
            bool negative = Peek() == '-';
            if (negative)
            {
                _pos++;
            }
            if (!IsDigit(Peek()))
            {
                throw Error("expected a digit");
            }
            if (Peek() == '0' && _pos + 1 < _text.Length && IsDigit(_text[_pos + 1]))
            {
                throw Error("numbers may not have leading zeros");
            }
            // Accumulate negatively so that long.MinValue fits.
            long value = 0;
            while (IsDigit(Peek()))
            {
                int digit = _text[_pos] - '0';
                if (value < (long.MinValue + digit) / 10)
                {
                    _pos = start;
                    throw Error("number out of range");
                }
                value = value * 10 - digit;
                _pos++;
            }
            char c = Peek();
            if (c == '.' || c == 'e' || c == 'E')
            {
                throw Error("only integer numbers are supported");
            }
            if (!negative)
            {
                if (value == long.MinValue)
                {
                    _pos = start;
                    throw Error("number out of range");
                }
                value = -value;
            }
            return value;
        }

        private void Expect(string word)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if (_pos + i >= _text.Length || _text[_pos + i] != word[i])
                {
                    throw Error("unexpected character");
                }
            }
            _pos += word.Length;
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nesting deeper than " + MaxDepth);
            }
        }

        private char Peek()
        {
            return _pos < _text.Length ? _text[_pos] : '\0';
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }
                _pos++;
            }
        }

        private JsonException Error(string message)
        {
            int line = 1;
            int column = 1;
            for (int i = 0; i < _pos && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
            return new JsonException(message, line, column);
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
