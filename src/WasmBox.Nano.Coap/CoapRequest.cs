using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// The request a resource handles. The body is the whole request body: the message payload, or
    /// the buffer a Block1 transfer was reassembled into. Valid only during <see cref="ICoapResource.Handle"/>.
    /// </summary>
    public sealed class CoapRequest
    {
        CoapMessage _message;

        /// <summary>The decoded message (options, token, header).</summary>
        public CoapMessage Message { get { return _message; } }
        public CoapResourceEntry Resource { get; private set; }
        /// <summary>The sender, as the UDP endpoint reported it.</summary>
        public object Remote { get; private set; }
        /// <summary><see cref="CoapCode.Get"/>, <see cref="CoapCode.Post"/>, ...</summary>
        public byte Method { get { return _message.Code; } }

        public byte[] BodyBuffer { get; private set; }
        public int BodyOffset { get; private set; }
        public int BodyLength { get; private set; }

        /// <summary>The Content-Format option, or <see cref="CoapContentFormat.None"/>.</summary>
        public int ContentFormat { get { return UintOrNone(CoapOptionNumber.ContentFormat); } }
        /// <summary>The Accept option, or <see cref="CoapContentFormat.None"/>.</summary>
        public int Accept { get { return UintOrNone(CoapOptionNumber.Accept); } }

        internal void Bind(CoapMessage message, CoapResourceEntry resource, object remote, byte[] body, int offset, int length)
        {
            _message = message;
            Resource = resource;
            Remote = remote;
            BodyBuffer = body;
            BodyOffset = offset;
            BodyLength = length;
        }

        /// <summary>A copy of the body (allocates; for handlers that keep it beyond the call).</summary>
        public byte[] CopyBody()
        {
            var copy = new byte[BodyLength];
            if (BodyLength > 0) Array.Copy(BodyBuffer, BodyOffset, copy, 0, BodyLength);
            return copy;
        }

        public int QueryCount
        {
            get
            {
                int count = 0;
                for (int i = _message.IndexOfOption(CoapOptionNumber.UriQuery); i >= 0; i = _message.IndexOfOption(CoapOptionNumber.UriQuery, i + 1)) count++;
                return count;
            }
        }

        /// <summary>The <paramref name="index"/>-th Uri-Query option as text ("slot=3"), or null when absent or not ASCII.</summary>
        public string GetQuery(int index)
        {
            int found = 0;
            for (int i = _message.IndexOfOption(CoapOptionNumber.UriQuery); i >= 0; i = _message.IndexOfOption(CoapOptionNumber.UriQuery, i + 1))
            {
                if (found++ == index) return Ascii.GetString(_message.OptionValues, _message.OptionOffset(i), _message.OptionLength(i));
            }
            return null;
        }

        /// <summary>
        /// Value of the first query "name=value" (or "" for a bare "name"); null when there is none.
        /// </summary>
        public string GetQueryValue(string name)
        {
            int count = QueryCount;
            for (int q = 0; q < count; q++)
            {
                string query = GetQuery(q);
                if (query == null) continue;
                if (query == name) return "";
                if (query.Length > name.Length && query[name.Length] == '=' && query.StartsWith(name)) return query.Substring(name.Length + 1);
            }
            return null;
        }

        int UintOrNone(int number)
        {
            uint value;
            return _message.TryGetUint(number, out value) && value <= 65535 ? (int)value : CoapContentFormat.None;
        }
    }
}
