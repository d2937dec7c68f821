namespace WasmBox.Nano.Coap
{
    /// <summary>Why a datagram is not a well-formed CoAP message (RFC 7252, section 3).</summary>
    public enum CoapDecodeError
    {
        None = 0,
        /// <summary>Fewer than the 4 bytes of the fixed header.</summary>
        TooShort,
        /// <summary>Version field is not 1.</summary>
        UnsupportedVersion,
        /// <summary>Token length nibble 9..15 (reserved).</summary>
        TokenLengthReserved,
        /// <summary>The datagram ends inside the token.</summary>
        TruncatedToken,
        /// <summary>Option delta nibble 15 without length nibble 15 (reserved; only 0xFF is the payload marker).</summary>
        OptionDeltaReserved,
        /// <summary>Option length nibble 15 (reserved).</summary>
        OptionLengthReserved,
        /// <summary>The datagram ends inside an extended option delta or length.</summary>
        TruncatedOptionHeader,
        /// <summary>The datagram ends inside an option value.</summary>
        TruncatedOptionValue,
        /// <summary>The option number sum exceeds 65535.</summary>
        OptionNumberTooLarge,
        /// <summary>Payload marker 0xFF followed by nothing.</summary>
        EmptyPayloadAfterMarker,
        /// <summary>Code 0.00 (Empty) with a token, options or payload.</summary>
        EmptyMessageNotEmpty,
        /// <summary>Code class 1, 6 or 7 (reserved).</summary>
        ReservedCodeClass,
        /// <summary>More options than the message's fixed option table holds.</summary>
        TooManyOptions
    }
}
