namespace WasmBox.Nano.Cbor
{
    /// <summary>
    /// A bounded pull reader for the deterministic subset of CBOR (RFC 8949) that bundles and
    /// protocol messages use: unsigned and negative integers, byte and text strings, arrays, maps,
    /// tags, false/true/null, all with definite lengths in shortest form. It never throws on
    /// malformed input: every method returns false and <see cref="Error"/> says why, and every
    /// length is checked against the bytes that remain before anything is allocated.
    /// Byte strings are returned as (offset, length) slices of the input, so reading a bundle
    /// copies nothing.
    /// </summary>
    public sealed class CborReader
    {
        public const int MajorUnsigned = 0;
        public const int MajorNegative = 1;
        public const int MajorBytes = 2;
        public const int MajorText = 3;
        public const int MajorArray = 4;
        public const int MajorMap = 5;
        public const int MajorTag = 6;
        public const int MajorSimple = 7;

        private readonly byte[] _buffer;
        private readonly int _end;
        private readonly int _maxCount;
        private int _position;
        private CborError _error;
        private int _errorOffset = -1;

        /// <summary>
        /// Reads <paramref name="count"/> bytes of <paramref name="buffer"/> from
        /// <paramref name="offset"/>. Arrays and maps may announce at most
        /// <paramref name="maxCount"/> items.
        /// </summary>
        public CborReader(byte[] buffer, int offset, int count, int maxCount)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new System.ArgumentException("bad buffer slice");
            }
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            _maxCount = maxCount;
        }

        public byte[] Buffer { get { return _buffer; } }

        public int Position { get { return _position; } }

        public bool AtEnd { get { return _position == _end; } }

        public CborError Error { get { return _error; } }

        /// <summary>Input offset where the error was found, or -1.</summary>
        public int ErrorOffset { get { return _errorOffset; } }

        /// <summary>Major type of the next item, or -1 at the end or after an error.</summary>
        public int PeekMajorType()
        {
            if (_error != CborError.None || _position >= _end)
            {
                return -1;
            }
            return _buffer[_position] >> 5;
        }

        /// <summary>Reads an unsigned integer no larger than <paramref name="max"/>.</summary>
        public bool ReadUInt(ulong max, out ulong value)
        {
            if (!ReadHead(MajorUnsigned, out value))
            {
                return false;
            }
            return value <= max || Fail(CborError.TooLarge, _position);
        }

        /// <summary>Reads an unsigned integer that fits an int (0 .. int.MaxValue).</summary>
        public bool ReadInt32(out int value)
        {
            ulong v;
            bool ok = ReadUInt(int.MaxValue, out v);
            value = ok ? (int)v : 0;
            return ok;
        }

        /// <summary>Reads a signed integer (major type 0 or 1) within the range of long.</summary>
        public bool ReadInt64(out long value)
        {
            value = 0;
            int major = NextMajorType();
            if (major < 0)
            {
                return false;
            }
            ulong raw;
            if (!ReadHead(major == MajorNegative ? MajorNegative : MajorUnsigned, out raw))
            {
                return false;
            }
            if (raw > long.MaxValue)
            {
                return Fail(CborError.TooLarge, _position);
            }
            value = major == MajorNegative ? -1 - (long)raw : (long)raw;
            return true;
        }

        /// <summary>Reads a byte string no longer than <paramref name="maxLength"/> as a slice of the input.</summary>
        public bool ReadBytes(int maxLength, out int offset, out int length)
        {
            return ReadString(MajorBytes, maxLength, out offset, out length);
        }

        /// <summary>Reads a byte string no longer than <paramref name="maxLength"/> into a new array.</summary>
        public bool ReadBytesCopy(int maxLength, out byte[] value)
        {
            int offset;
            int length;
            value = null;
            if (!ReadString(MajorBytes, maxLength, out offset, out length))
            {
                return false;
            }
            value = new byte[length];
            System.Array.Copy(_buffer, offset, value, 0, length);
            return true;
        }

        /// <summary>Reads a UTF-8 text string of at most <paramref name="maxLength"/> bytes.</summary>
        public bool ReadText(int maxLength, out string value)
        {
            int offset;
            int length;
            value = null;
            if (!ReadString(MajorText, maxLength, out offset, out length))
            {
                return false;
            }
            if (!Utf8.IsValid(_buffer, offset, length))
            {
                return Fail(CborError.BadText, offset);
            }
            value = Utf8.Decode(_buffer, offset, length);
            return true;
        }

        /// <summary>Reads an array header; <paramref name="count"/> items follow.</summary>
        public bool ReadArrayStart(out int count)
        {
            return ReadContainer(MajorArray, out count);
        }

        /// <summary>Reads a map header; <paramref name="count"/> key/value pairs follow.</summary>
        public bool ReadMapStart(out int count)
        {
            return ReadContainer(MajorMap, out count);
        }

        public bool ReadTag(out ulong tag)
        {
            return ReadHead(MajorTag, out tag);
        }

        public bool ReadBool(out bool value)
        {
            value = false;
            int at = _position;
            if (NextMajorType() < 0)
            {
                return false;
            }
            int b = _buffer[at];
            if (b != 0xf4 && b != 0xf5)
            {
                return Fail(CborError.UnexpectedType, at);
            }
            value = b == 0xf5;
            _position++;
            return true;
        }

        /// <summary>True (and consumes it) when the next item is null.</summary>
        public bool TryReadNull()
        {
            if (PeekMajorType() == MajorSimple && _buffer[_position] == 0xf6)
            {
                _position++;
                return true;
            }
            return false;
        }

        /// <summary>Skips one complete item, nested items included, at most <paramref name="maxDepth"/> deep.</summary>
        public bool Skip(int maxDepth)
        {
            if (maxDepth < 0)
            {
                return Fail(CborError.TooDeep, _position);
            }
            int at = _position;
            int major = NextMajorType();
            if (major < 0)
            {
                return false;
            }
            ulong arg;
            int count;
            int ignoredOffset;
            int ignoredLength;
            switch (major)
            {
                case MajorUnsigned:
                case MajorNegative:
                    return ReadHead(major, out arg);
                case MajorBytes:
                case MajorText:
                    return ReadString(major, int.MaxValue, out ignoredOffset, out ignoredLength);
                case MajorArray:
                case MajorMap:
                    if (!ReadContainer(major, out count))
                    {
                        return false;
                    }
                    int perItem = major == MajorMap ? 2 : 1;
                    for (int i = 0; i < count; i++)
                    {
                        for (int k = 0; k < perItem; k++)
                        {
                            if (!Skip(maxDepth - 1))
                            {
                                return false;
                            }
                        }
                    }
                    return true;
                case MajorTag:
                    return ReadHead(major, out arg) && Skip(maxDepth - 1);
                default:
                    int b = _buffer[_position];
                    if (b < 0xf4 || b > 0xf6)
                    {
                        return Fail(CborError.Unsupported, at);
                    }
                    _position++;
                    return true;
            }
        }

        /// <summary>Major type of the next item; fails with Truncated (and returns -1) at the end.</summary>
        private int NextMajorType()
        {
            int major = PeekMajorType();
            if (major < 0)
            {
                Fail(CborError.Truncated, _position);
            }
            return major;
        }

        private bool ReadContainer(int major, out int count)
        {
            ulong n;
            count = 0;
            if (!ReadHead(major, out n))
            {
                return false;
            }
            // Every item takes at least one byte, so a count beyond the input is a lie.
            if (n > (ulong)_maxCount || n > (ulong)(_end - _position))
            {
                return Fail(CborError.TooLarge, _position);
            }
            count = (int)n;
            return true;
        }

        private bool ReadString(int major, int maxLength, out int offset, out int length)
        {
            ulong n;
            offset = 0;
            length = 0;
            if (!ReadHead(major, out n))
            {
                return false;
            }
            if (n > (ulong)maxLength)
            {
                return Fail(CborError.TooLarge, _position);
            }
            if (n > (ulong)(_end - _position))
            {
                return Fail(CborError.Truncated, _position);
            }
            offset = _position;
            length = (int)n;
            _position += length;
            return true;
        }

        /// <summary>Reads an item head of the expected major type and returns its argument.</summary>
        private bool ReadHead(int expectedMajor, out ulong argument)
        {
            argument = 0;
            int at = _position;
            if (_error != CborError.None)
            {
                return false;
            }
            if (_position >= _end)
            {
                return Fail(CborError.Truncated, at);
            }
            int initial = _buffer[_position];
            if (initial >> 5 != expectedMajor)
            {
                return Fail(CborError.UnexpectedType, at);
            }
            int info = initial & 0x1f;
            if (info < 24)
            {
                argument = (ulong)info;
                _position++;
                return true;
            }
            if (info > 27)
            {
                return Fail(CborError.Unsupported, at);
            }
            int size = 1 << (info - 24);
            if (_end - _position - 1 < size)
            {
                return Fail(CborError.Truncated, at);
            }
            ulong v = 0;
            for (int i = 1; i <= size; i++)
            {
                v = (v << 8) | _buffer[_position + i];
            }
            ulong smallest = info == 24 ? 24UL : info == 25 ? 0x100UL : info == 26 ? 0x10000UL : 0x100000000UL;
            if (v < smallest)
            {
                return Fail(CborError.NotMinimal, at);
            }
            argument = v;
            _position += 1 + size;
            return true;
        }

        private bool Fail(CborError error, int offset)
        {
            if (_error == CborError.None)
            {
                _error = error;
                _errorOffset = offset;
            }
            return false;
        }
    }
}
