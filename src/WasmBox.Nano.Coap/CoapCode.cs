namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// CoAP codes as the header byte carries them: class in the top 3 bits, detail in the low 5
    /// (RFC 7252, section 12.1; 2.31 and 4.08 from RFC 7959). Written "c.dd" in text.
    /// </summary>
    public static class CoapCode
    {
        public const byte Empty = 0x00;

        public const byte Get = 0x01;
        public const byte Post = 0x02;
        public const byte Put = 0x03;
        public const byte Delete = 0x04;

        public const byte Created = 0x41;              // 2.01
        public const byte Deleted = 0x42;              // 2.02
        public const byte Valid = 0x43;                // 2.03
        public const byte Changed = 0x44;              // 2.04
        public const byte Content = 0x45;              // 2.05
        public const byte Continue = 0x5F;             // 2.31

        public const byte BadRequest = 0x80;           // 4.00
        public const byte Unauthorized = 0x81;         // 4.01
        public const byte BadOption = 0x82;            // 4.02
        public const byte Forbidden = 0x83;            // 4.03
        public const byte NotFound = 0x84;             // 4.04
        public const byte MethodNotAllowed = 0x85;     // 4.05
        public const byte NotAcceptable = 0x86;        // 4.06
        public const byte RequestEntityIncomplete = 0x88; // 4.08
        public const byte PreconditionFailed = 0x8C;   // 4.12
        public const byte RequestEntityTooLarge = 0x8D; // 4.13
        public const byte UnsupportedContentFormat = 0x8F; // 4.15

        public const byte InternalServerError = 0xA0;  // 5.00
        public const byte NotImplemented = 0xA1;       // 5.01
        public const byte ServiceUnavailable = 0xA3;   // 5.03
        public const byte ProxyingNotSupported = 0xA5; // 5.05

        public static int ClassOf(byte code) { return code >> 5; }

        public static int DetailOf(byte code) { return code & 0x1F; }

        public static bool IsRequest(byte code) { return code != Empty && ClassOf(code) == 0; }

        public static bool IsSuccess(byte code) { return ClassOf(code) == 2; }

        /// <summary>"2.05", "4.04" ...</summary>
        public static string ToText(byte code)
        {
            int detail = DetailOf(code);
            return ClassOf(code).ToString() + "." + (detail < 10 ? "0" : "") + detail.ToString();
        }
    }
}
