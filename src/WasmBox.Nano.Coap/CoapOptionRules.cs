namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// Which request options the server understands, with their allowed value lengths (RFC 7252
    /// section 5.10, RFC 7959 section 2.1). A value of the wrong length counts as unrecognized
    /// (RFC 7252 section 5.4.3). Conditional requests (If-Match, If-None-Match) are not supported,
    /// so as critical options they are refused rather than silently ignored.
    /// </summary>
    internal static class CoapOptionRules
    {
        /// <summary>Index of the first critical option the server does not understand, or -1.</summary>
        public static int FirstUnrecognizedCritical(CoapMessage request)
        {
            for (int i = 0; i < request.OptionCount; i++)
            {
                int number = request.OptionNumber(i);
                if (CoapOptionNumber.IsCritical(number) && !IsRecognized(number, request.OptionLength(i))) return i;
            }
            return -1;
        }

        /// <summary>The request asks for a proxy (Proxy-Uri or Proxy-Scheme), which this server is not.</summary>
        public static bool AsksForProxy(CoapMessage request)
        {
            return request.HasOption(CoapOptionNumber.ProxyUri) || request.HasOption(CoapOptionNumber.ProxyScheme);
        }

        static bool IsRecognized(int number, int length)
        {
            switch (number)
            {
                case CoapOptionNumber.UriHost: return length >= 1 && length <= 255;
                case CoapOptionNumber.UriPort: return length <= 2;
                case CoapOptionNumber.UriPath: return length <= 255;
                case CoapOptionNumber.UriQuery: return length <= 255;
                case CoapOptionNumber.Accept: return length <= 2;
                case CoapOptionNumber.Block2: return length <= 3;
                case CoapOptionNumber.Block1: return length <= 3;
                case CoapOptionNumber.ProxyUri: return length >= 1 && length <= 1034;
                case CoapOptionNumber.ProxyScheme: return length >= 1 && length <= 255;
                default: return false;
            }
        }
    }
}
