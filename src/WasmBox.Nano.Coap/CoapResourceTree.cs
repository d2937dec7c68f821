using System;
using System.Collections;

namespace WasmBox.Nano.Coap
{
    /// <summary>Registered resources, found by the request's Uri-Path options without allocating.</summary>
    public sealed class CoapResourceTree
    {
        const int MaxSegmentLength = 255;
        readonly ArrayList _entries = new ArrayList();
        readonly int _bodyCapacity;

        internal CoapResourceTree(int bodyCapacity)
        {
            _bodyCapacity = bodyCapacity;
        }

        public int Count { get { return _entries.Count; } }

        public CoapResourceEntry this[int index] { get { return (CoapResourceEntry)_entries[index]; } }

        /// <summary>
        /// Registers <paramref name="handler"/> at <paramref name="path"/> ("deploy", "/fn/state"; ASCII
        /// segments) for the <see cref="CoapMethods"/> flags in <paramref name="methods"/>, accepting request
        /// bodies up to <paramref name="maxRequestBody"/> bytes (at most the server's reassembly capacity).
        /// </summary>
        public CoapResourceEntry Register(string path, ICoapResource handler, int methods, int maxRequestBody)
        {
            if (handler == null) throw new ArgumentNullException("handler");
            if ((methods & ~CoapMethods.All) != 0 || methods == CoapMethods.None) throw new ArgumentOutOfRangeException("methods");
            if (maxRequestBody < 0 || maxRequestBody > _bodyCapacity)
                throw new ArgumentOutOfRangeException("maxRequestBody", "must be 0.." + _bodyCapacity.ToString() + " (the server's MaxRequestBody)");

            string normalised = Normalise(path);
            if (FindByPath(normalised) != null) throw new ArgumentException("already registered: /" + normalised, "path");
            var entry = new CoapResourceEntry(normalised, SplitSegments(normalised), handler, methods, maxRequestBody);
            _entries.Add(entry);
            return entry;
        }

        /// <summary>The entry whose path equals the request's Uri-Path options, or null.</summary>
        public CoapResourceEntry Find(CoapMessage request)
        {
            for (int e = 0; e < _entries.Count; e++)
            {
                var entry = (CoapResourceEntry)_entries[e];
                if (Matches(entry, request)) return entry;
            }
            return null;
        }

        static bool Matches(CoapResourceEntry entry, CoapMessage request)
        {
            int segment = 0;
            for (int i = request.IndexOfOption(CoapOptionNumber.UriPath); i >= 0 && i < request.OptionCount; i++)
            {
                if (request.OptionNumber(i) != CoapOptionNumber.UriPath) break;
                if (segment == entry.SegmentCount || !request.OptionEquals(i, entry.Segment(segment))) return false;
                segment++;
            }
            return segment == entry.SegmentCount;
        }

        CoapResourceEntry FindByPath(string normalised)
        {
            for (int e = 0; e < _entries.Count; e++)
            {
                var entry = (CoapResourceEntry)_entries[e];
                if (entry.Path == normalised) return entry;
            }
            return null;
        }

        static string Normalise(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            string trimmed = path.Length > 0 && path[0] == '/' ? path.Substring(1) : path;
            if (trimmed.Length == 0) throw new ArgumentException("the root path cannot be registered", "path");
            return trimmed;
        }

        static byte[][] SplitSegments(string normalised)
        {
            string[] parts = normalised.Split('/');
            var segments = new byte[parts.Length][];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!IsPlainSegment(parts[i]))
                    throw new ArgumentException("each path segment must be 1..255 characters of A-Z a-z 0-9 - . _ ~ (in /" + normalised + ")", "path");
                segments[i] = Ascii.GetBytes(parts[i]);
            }
            return segments;
        }

        // Unreserved URI characters only, so a path needs no percent-encoding in a Uri-Path option or a link.
        static bool IsPlainSegment(string segment)
        {
            if (segment.Length == 0 || segment.Length > MaxSegmentLength) return false;
            for (int i = 0; i < segment.Length; i++)
            {
                char c = segment[i];
                bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
                if (!plain) return false;
            }
            return true;
        }
    }
}
