namespace WasmBox.Nano.Coap
{
    /// <summary>Method flags a resource accepts; combine with |.</summary>
    public static class CoapMethods
    {
        public const int None = 0;
        public const int Get = 1;
        public const int Post = 2;
        public const int Put = 4;
        public const int Delete = 8;
        public const int All = Get | Post | Put | Delete;

        /// <summary>Flag of a request code, or <see cref="None"/> for codes that are not GET/POST/PUT/DELETE.</summary>
        public static int FlagOf(byte code)
        {
            switch (code)
            {
                case CoapCode.Get: return Get;
                case CoapCode.Post: return Post;
                case CoapCode.Put: return Put;
                case CoapCode.Delete: return Delete;
                default: return None;
            }
        }
    }
}
