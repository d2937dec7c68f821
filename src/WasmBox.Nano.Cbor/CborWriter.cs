namespace WasmBox.Nano.Cbor
{
    /// <summary>
    /// Writes deterministic CBOR (shortest-form heads, definite lengths) into a growing buffer.
    /// Used by the host tools to build manifests and by the device for replies; not a hot path.
    /// Map keys are written in the order the caller gives: callers write integer keys in
    /// ascending order, which is the deterministic order for small unsigned keys.
    /// </summary>
    public sealed class CborWriter
    {
        private byte[] _buffer;
        private int _length;

        public CborWriter()
        {
            _buffer = new byte[64];
        }

        public int Length { get { return _length; } }

        /// <summary>A copy of what has been written.</summary>
        public byte[] ToArray()
        {
            byte[] result = new byte[_length];
            System.Array.Copy(_buffer, result, _length);
            return result;
        }

        public void WriteUInt(ulong value)
        {
            WriteHead(CborReader.MajorUnsigned, value);
        }

        public void WriteInt(long value)
        {
            if (value >= 0)
            {
                WriteHead(CborReader.MajorUnsigned, (ulong)value);
            }
            else
            {
                WriteHead(CborReader.MajorNegative, (ulong)(-1 - value));
            }
        }

        public void WriteBytes(byte[] value, int offset, int count)
        {
            WriteHead(CborReader.MajorBytes, (ulong)count);
            Append(value, offset, count);
        }

        public void WriteBytes(byte[] value)
        {
            WriteBytes(value, 0, value.Length);
        }

        /// <summary>
        /// Writes only the head of a byte string of <paramref name="length"/> bytes, for content the
        /// caller appends with <see cref="WriteEncoded"/> or hashes separately.
        /// </summary>
        public void WriteBytesHead(int length)
        {
            WriteHead(CborReader.MajorBytes, (ulong)length);
        }

        public void WriteText(string value)
        {
            byte[] utf8 = Utf8.Encode(value);
            WriteHead(CborReader.MajorText, (ulong)utf8.Length);
            Append(utf8, 0, utf8.Length);
        }

        public void WriteArrayStart(int count)
        {
            WriteHead(CborReader.MajorArray, (ulong)count);
        }

        public void WriteMapStart(int count)
        {
            WriteHead(CborReader.MajorMap, (ulong)count);
        }

        public void WriteTag(ulong tag)
        {
            WriteHead(CborReader.MajorTag, tag);
        }

        public void WriteBool(bool value)
        {
            WriteByte(value ? 0xf5 : 0xf4);
        }

        public void WriteNull()
        {
            WriteByte(0xf6);
        }

        /// <summary>Appends bytes that already are one or more encoded CBOR items.</summary>
        public void WriteEncoded(byte[] encoded)
        {
            Append(encoded, 0, encoded.Length);
        }

        private void WriteHead(int major, ulong argument)
        {
            int m = major << 5;
            if (argument < 24)
            {
                WriteByte(m | (int)argument);
            }
            else if (argument <= 0xff)
            {
                WriteByte(m | 24);
                WriteByte((int)argument);
            }
            else if (argument <= 0xffff)
            {
                WriteByte(m | 25);
                WriteBigEndian(argument, 2);
            }
            else if (argument <= 0xffffffff)
            {
                WriteByte(m | 26);
                WriteBigEndian(argument, 4);
            }
            else
            {
                WriteByte(m | 27);
                WriteBigEndian(argument, 8);
            }
        }

        private void WriteBigEndian(ulong value, int size)
        {
            for (int i = size - 1; i >= 0; i--)
            {
                WriteByte((int)(value >> (8 * i)) & 0xff);
            }
        }

        private void WriteByte(int b)
        {
            Reserve(1);
            _buffer[_length++] = (byte)b;
        }

        private void Append(byte[] source, int offset, int count)
        {
            Reserve(count);
            System.Array.Copy(source, offset, _buffer, _length, count);
            _length += count;
        }

        private void Reserve(int extra)
        {
            if (_length + extra <= _buffer.Length)
            {
                return;
            }
            int size = _buffer.Length * 2;
            while (size < _length + extra)
            {
                size *= 2;
            }
            byte[] grown = new byte[size];
            System.Array.Copy(_buffer, grown, _length);
            _buffer = grown;
        }
    }
}
