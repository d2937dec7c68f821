namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// A fixed-capacity character buffer for formatting helper output without intermediate
    /// strings (nanoFramework's StringBuilder lives in a separate package). Text past the
    /// capacity is cut off.
    /// </summary>
    public sealed class LineBuilder
    {
        public const int DefaultCapacity = 160;

        private readonly char[] _chars;
        private readonly char[] _digits = new char[20];
        private int _length;

        public LineBuilder(int capacity)
        {
            _chars = new char[capacity];
        }

        public int Length { get { return _length; } }

        public void Clear()
        {
            _length = 0;
        }

        public void Append(char c)
        {
            if (_length < _chars.Length)
            {
                _chars[_length++] = c;
            }
        }

        public void AppendSigned(long value, int width, bool zeroPad)
        {
            // -(value + 1) + 1 takes the magnitude without overflowing on long.MinValue.
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            AppendNumber(magnitude, value < 0, 10, false, width, zeroPad);
        }

        public void AppendUnsigned(ulong value, int radix, bool upper, int width, bool zeroPad)
        {
            AppendNumber(value, false, radix, upper, width, zeroPad);
        }

        /// <summary>printf-style: spaces go before the sign, zeros after it.</summary>
        private void AppendNumber(ulong value, bool negative, int radix, bool upper, int width, bool zeroPad)
        {
            int n = 0;
            do
            {
                // No %: nanoCLR picks rem's signedness from the value's type tag, and a magnitude made
                // from a long (AppendSigned) may carry a signed one (Vm.Signed explains).
                ulong quotient = value / (ulong)radix;
                int d = (int)(value - quotient * (ulong)radix);
                _digits[n++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
                value = quotient;
            }
            while (value != 0);
            int pad = width - n - (negative ? 1 : 0);
            if (!zeroPad)
            {
                Pad(' ', pad);
            }
            if (negative)
            {
                Append('-');
            }
            if (zeroPad)
            {
                Pad('0', pad);
            }
            while (n > 0)
            {
                Append(_digits[--n]);
            }
        }

        private void Pad(char c, int count)
        {
            for (int i = 0; i < count && _length < _chars.Length; i++)
            {
                Append(c);
            }
        }

        /// <summary>Copies the characters out as ASCII bytes; returns how many.</summary>
        public int CopyTo(byte[] destination)
        {
            int n = _length < destination.Length ? _length : destination.Length;
            for (int i = 0; i < n; i++)
            {
                destination[i] = (byte)_chars[i];
            }
            return n;
        }

        public override string ToString()
        {
            return new string(_chars, 0, _length);
        }
    }
}
