using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// One CoAP message: header, token, options (kept sorted by number) and payload. Reused across
    /// messages so the hot path allocates nothing. A decoded message refers to the datagram buffer for
    /// option values and payload; a built message copies option values into its own fixed buffer.
    /// </summary>
    public sealed class CoapMessage
    {
        public const int MaxTokenLength = 8;

        readonly byte[] _token = new byte[MaxTokenLength];
        readonly int[] _optionNumbers;
        readonly int[] _optionOffsets;
        readonly int[] _optionLengths;
        readonly byte[] _ownValues;
        byte[] _values;
        int _ownValuesUsed;
        int _optionCount;
        int _tokenLength;

        public CoapMessage(int optionCapacity, int optionValueCapacity)
        {
            if (optionCapacity < 1) throw new ArgumentOutOfRangeException("optionCapacity");
            if (optionValueCapacity < 0) throw new ArgumentOutOfRangeException("optionValueCapacity");
            _optionNumbers = new int[optionCapacity];
            _optionOffsets = new int[optionCapacity];
            _optionLengths = new int[optionCapacity];
            _ownValues = new byte[optionValueCapacity];
            _values = _ownValues;
        }

        public CoapMessageType Type { get; set; }
        public byte Code { get; set; }
        /// <summary>16-bit message id, 0..65535.</summary>
        public int MessageId { get; set; }

        public int TokenLength { get { return _tokenLength; } }
        public int OptionCount { get { return _optionCount; } }
        public int OptionCapacity { get { return _optionNumbers.Length; } }
        /// <summary>The buffer that <see cref="OptionOffset"/> indexes into.</summary>
        public byte[] OptionValues { get { return _values; } }

        public byte[] PayloadBuffer { get; private set; }
        public int PayloadOffset { get; private set; }
        public int PayloadLength { get; private set; }

        /// <summary>Clears everything and switches option storage back to the message's own buffer.</summary>
        public void Reset()
        {
            Type = CoapMessageType.Confirmable;
            Code = CoapCode.Empty;
            MessageId = 0;
            _tokenLength = 0;
            _optionCount = 0;
            _ownValuesUsed = 0;
            _values = _ownValues;
            PayloadBuffer = null;
            PayloadOffset = 0;
            PayloadLength = 0;
        }

        /// <summary>Drops options and payload, keeping header and token.</summary>
        public void ClearOptionsAndPayload()
        {
            _optionCount = 0;
            _ownValuesUsed = 0;
            _values = _ownValues;
            SetPayload(null, 0, 0);
        }

        public byte TokenAt(int index) { return _token[index]; }

        public bool SetToken(byte[] source, int offset, int length)
        {
            if (length < 0 || length > MaxTokenLength) return false;
            Array.Copy(source, offset, _token, 0, length);
            _tokenLength = length;
            return true;
        }

        public void CopyTokenFrom(CoapMessage other)
        {
            Array.Copy(other._token, _token, other._tokenLength);
            _tokenLength = other._tokenLength;
        }

        public bool TokenEquals(CoapMessage other)
        {
            if (other._tokenLength != _tokenLength) return false;
            for (int i = 0; i < _tokenLength; i++)
                if (other._token[i] != _token[i]) return false;
            return true;
        }

        public void CopyToken(byte[] destination, int offset)
        {
            Array.Copy(_token, 0, destination, offset, _tokenLength);
        }

        public int OptionNumber(int index) { return _optionNumbers[index]; }
        public int OptionOffset(int index) { return _optionOffsets[index]; }
        public int OptionLength(int index) { return _optionLengths[index]; }

        /// <summary>Index of the first option with this number at or after <paramref name="start"/>, or -1.</summary>
        public int IndexOfOption(int number, int start)
        {
            for (int i = start; i < _optionCount; i++)
            {
                if (_optionNumbers[i] == number) return i;
                if (_optionNumbers[i] > number) break;
            }
            return -1;
        }

        public int IndexOfOption(int number) { return IndexOfOption(number, 0); }

        public bool HasOption(int number) { return IndexOfOption(number, 0) >= 0; }

        /// <summary>Reads option <paramref name="index"/> as an unsigned integer (big-endian, 0..4 bytes).</summary>
        public uint OptionUint(int index)
        {
            uint value = 0;
            int offset = _optionOffsets[index];
            int length = _optionLengths[index];
            for (int i = 0; i < length; i++) value = (value << 8) | _values[offset + i];
            return value;
        }

        /// <summary>The first option with this number as an unsigned integer; false when absent or longer than 4 bytes.</summary>
        public bool TryGetUint(int number, out uint value)
        {
            value = 0;
            int index = IndexOfOption(number);
            if (index < 0 || _optionLengths[index] > 4) return false;
            value = OptionUint(index);
            return true;
        }

        /// <summary>Compares option <paramref name="index"/> byte for byte with <paramref name="expected"/>.</summary>
        public bool OptionEquals(int index, byte[] expected)
        {
            int length = _optionLengths[index];
            if (length != expected.Length) return false;
            int offset = _optionOffsets[index];
            for (int i = 0; i < length; i++)
                if (_values[offset + i] != expected[i]) return false;
            return true;
        }

        /// <summary>Adds an option, keeping options sorted by number and repeated options in insertion order.</summary>
        public bool AddOption(int number, byte[] value, int offset, int length)
        {
            if (_values != _ownValues || number < 0 || number > 65535 || length < 0) return false;
            if (_optionCount == _optionNumbers.Length || _ownValuesUsed + length > _ownValues.Length) return false;
            if (length > 0) Array.Copy(value, offset, _ownValues, _ownValuesUsed, length);
            InsertSorted(number, _ownValuesUsed, length);
            _ownValuesUsed += length;
            return true;
        }

        /// <summary>Adds an unsigned integer option in its shortest form (0 is the empty value).</summary>
        public bool AddUintOption(int number, uint value)
        {
            if (_values != _ownValues || _ownValuesUsed + 4 > _ownValues.Length) return false;
            int length = UintLength(value);
            for (int i = 0; i < length; i++)
                _ownValues[_ownValuesUsed + i] = (byte)(value >> (8 * (length - 1 - i)));
            return AddOption(number, _ownValues, _ownValuesUsed, length);
        }

        /// <summary>Adds an option whose value is ASCII text; false for non-ASCII characters.</summary>
        public bool AddAsciiOption(int number, string text)
        {
            if (_values != _ownValues || _ownValuesUsed + text.Length > _ownValues.Length) return false;
            if (Ascii.Write(text, _ownValues, _ownValuesUsed) < 0) return false;
            return AddOption(number, _ownValues, _ownValuesUsed, text.Length);
        }

        public void SetPayload(byte[] buffer, int offset, int length)
        {
            PayloadBuffer = length > 0 ? buffer : null;
            PayloadOffset = length > 0 ? offset : 0;
            PayloadLength = length > 0 ? length : 0;
        }

        internal static int UintLength(uint value)
        {
            if (value == 0) return 0;
            if (value <= 0xFF) return 1;
            if (value <= 0xFFFF) return 2;
            if (value <= 0xFFFFFF) return 3;
            return 4;
        }

        /// <summary>Starts a decoded message whose option values live in <paramref name="datagram"/>.</summary>
        internal void BeginDecoded(byte[] datagram)
        {
            Reset();
            _values = datagram;
        }

        /// <summary>Appends an option in wire order (already ascending); false when the table is full.</summary>
        internal bool AppendDecodedOption(int number, int offset, int length)
        {
            if (_optionCount == _optionNumbers.Length) return false;
            _optionNumbers[_optionCount] = number;
            _optionOffsets[_optionCount] = offset;
            _optionLengths[_optionCount] = length;
            _optionCount++;
            return true;
        }

        void InsertSorted(int number, int offset, int length)
        {
            int at = _optionCount;
            while (at > 0 && _optionNumbers[at - 1] > number)
            {
                _optionNumbers[at] = _optionNumbers[at - 1];
                _optionOffsets[at] = _optionOffsets[at - 1];
                _optionLengths[at] = _optionLengths[at - 1];
                at--;
            }
            _optionNumbers[at] = number;
            _optionOffsets[at] = offset;
            _optionLengths[at] = length;
            _optionCount++;
        }
    }
}
