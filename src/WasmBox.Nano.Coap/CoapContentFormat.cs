namespace WasmBox.Nano.Coap
{
    /// <summary>Content-Format identifiers from the CoRE registry that the project uses.</summary>
    public static class CoapContentFormat
    {
        /// <summary>Marker for "no Content-Format option".</summary>
        public const int None = -1;
        public const int TextPlain = 0;
        public const int LinkFormat = 40;
        public const int OctetStream = 42;
        public const int Json = 50;
        public const int Cbor = 60;
        public const int CoseSign1 = 18;
    }
}
