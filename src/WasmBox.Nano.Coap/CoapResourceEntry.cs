using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// One registered resource: its path, handler, accepted methods, request body limit and the
    /// attributes it is advertised with in /.well-known/core (RFC 6690: rt, if, ct).
    /// </summary>
    public sealed class CoapResourceEntry
    {
        readonly byte[][] _segments;

        internal CoapResourceEntry(string path, byte[][] segments, ICoapResource handler, int methods, int maxRequestBody)
        {
            Path = path;
            _segments = segments;
            Handler = handler;
            Methods = methods;
            MaxRequestBody = maxRequestBody;
            ContentFormat = CoapContentFormat.None;
            Listed = true;
        }

        /// <summary>Normalised path without a leading slash, e.g. "deploy" or "fn/state".</summary>
        public string Path { get; private set; }
        public ICoapResource Handler { get; private set; }
        /// <summary><see cref="CoapMethods"/> flags.</summary>
        public int Methods { get; private set; }
        /// <summary>Largest request body accepted, whole or reassembled from Block1; larger is refused with 4.13.</summary>
        public int MaxRequestBody { get; private set; }
        /// <summary>Resource type (rt), or null.</summary>
        public string ResourceType { get; private set; }
        /// <summary>Interface description (if), or null.</summary>
        public string InterfaceDescription { get; private set; }
        /// <summary>Content-Format advertised as ct, or <see cref="CoapContentFormat.None"/>.</summary>
        public int ContentFormat { get; private set; }
        /// <summary>Whether /.well-known/core lists the resource.</summary>
        public bool Listed { get; private set; }

        internal int SegmentCount { get { return _segments.Length; } }
        internal byte[] Segment(int index) { return _segments[index]; }

        /// <summary>Sets the link attributes; null leaves an attribute out. ASCII without '"' only.</summary>
        public CoapResourceEntry Describe(string resourceType, string interfaceDescription, int contentFormat)
        {
            CheckAttribute(resourceType, "resourceType");
            CheckAttribute(interfaceDescription, "interfaceDescription");
            if (contentFormat < CoapContentFormat.None || contentFormat > 65535) throw new ArgumentOutOfRangeException("contentFormat");
            ResourceType = resourceType;
            InterfaceDescription = interfaceDescription;
            ContentFormat = contentFormat;
            return this;
        }

        /// <summary>Keeps the resource out of /.well-known/core.</summary>
        public CoapResourceEntry Unlisted()
        {
            Listed = false;
            return this;
        }

        public bool Allows(byte code) { return (Methods & CoapMethods.FlagOf(code)) != 0; }

        static void CheckAttribute(string value, string name)
        {
            if (value == null) return;
            if (value.Length == 0 || value.IndexOf('"') >= 0 || Ascii.GetBytes(value) == null)
                throw new ArgumentException("a link attribute must be non-empty ASCII without '\"'", name);
        }
    }
}
