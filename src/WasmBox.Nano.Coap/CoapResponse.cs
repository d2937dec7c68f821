using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// What a resource answers: a code, an optional Content-Format and a body written into the
    /// server's fixed response buffer. Writing past its end sets <see cref="Overflowed"/>, and the
    /// server then answers 5.00 instead of a truncated body.
    /// </summary>
    public sealed class CoapResponse
    {
        readonly byte[] _body;

        internal CoapResponse(int capacity)
        {
            _body = new byte[capacity];
        }

        public byte Code { get; set; }
        /// <summary>Content-Format of the body, or <see cref="CoapContentFormat.None"/>.</summary>
        public int ContentFormat { get; set; }
        public int Length { get; private set; }
        public int Capacity { get { return _body.Length; } }
        public bool Overflowed { get; private set; }

        internal byte[] Buffer { get { return _body; } }

        internal void Begin(byte defaultCode)
        {
            Code = defaultCode;
            ContentFormat = CoapContentFormat.None;
            Length = 0;
            Overflowed = false;
        }

        public bool Write(byte[] data, int offset, int count)
        {
            if (!Reserve(count)) return false;
            Array.Copy(data, offset, _body, Length, count);
            Length += count;
            return true;
        }

        public bool WriteByte(byte value)
        {
            if (!Reserve(1)) return false;
            _body[Length++] = value;
            return true;
        }

        /// <summary>Writes ASCII text; false (and nothing written) when it does not fit or is not ASCII.</summary>
        public bool WriteAscii(string text)
        {
            if (!Reserve(text.Length)) return false;
            if (Ascii.Write(text, _body, Length) < 0) return false;
            Length += text.Length;
            return true;
        }

        /// <summary>Writes a non-negative integer in decimal without allocating.</summary>
        public bool WriteDecimal(int value)
        {
            if (value < 0) return false;
            int digits = 1;
            for (int rest = value / 10; rest > 0; rest /= 10) digits++;
            if (!Reserve(digits)) return false;
            for (int i = digits - 1; i >= 0; i--)
            {
                _body[Length + i] = (byte)('0' + value % 10);
                value /= 10;
            }
            Length += digits;
            return true;
        }

        /// <summary>Replaces the answer with <paramref name="code"/> and a diagnostic text (RFC 7252 section 5.5.2).</summary>
        public void Fail(byte code, string diagnostic)
        {
            Begin(code);
            if (diagnostic != null) WriteAscii(diagnostic);
        }

        bool Reserve(int count)
        {
            if (count <= _body.Length - Length) return true;
            Overflowed = true;
            return false;
        }
    }
}
