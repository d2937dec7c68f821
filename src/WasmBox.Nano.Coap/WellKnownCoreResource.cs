namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// GET /.well-known/core: the listed resources in CoRE Link Format (RFC 6690), e.g.
    /// <c>&lt;/deploy&gt;;rt="wbx.deploy";if="core.p";ct=60,&lt;/state&gt;;ct=50</c>. Written straight into the
    /// response buffer; the server slices it with Block2 when it is longer than one block.
    /// </summary>
    internal sealed class WellKnownCoreResource : ICoapResource
    {
        public const string Path = ".well-known/core";
        readonly CoapResourceTree _tree;

        public WellKnownCoreResource(CoapResourceTree tree)
        {
            _tree = tree;
        }

        public void Handle(CoapRequest request, CoapResponse response)
        {
            response.Code = CoapCode.Content;
            response.ContentFormat = CoapContentFormat.LinkFormat;
            bool first = true;
            for (int i = 0; i < _tree.Count; i++)
            {
                CoapResourceEntry entry = _tree[i];
                if (!entry.Listed) continue;
                if (!first) response.WriteByte((byte)',');
                first = false;
                WriteLink(entry, response);
            }
        }

        static void WriteLink(CoapResourceEntry entry, CoapResponse response)
        {
            response.WriteAscii("</");
            response.WriteAscii(entry.Path);
            response.WriteByte((byte)'>');
            WriteQuoted(response, ";rt=\"", entry.ResourceType);
            WriteQuoted(response, ";if=\"", entry.InterfaceDescription);
            if (entry.ContentFormat != CoapContentFormat.None)
            {
                response.WriteAscii(";ct=");
                response.WriteDecimal(entry.ContentFormat);
            }
        }

        static void WriteQuoted(CoapResponse response, string prefix, string value)
        {
            if (value == null) return;
            response.WriteAscii(prefix);
            response.WriteAscii(value);
            response.WriteByte((byte)'"');
        }
    }
}
