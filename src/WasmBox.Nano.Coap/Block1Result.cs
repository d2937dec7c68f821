namespace WasmBox.Nano.Coap
{
    /// <summary>Outcome of accepting one Block1 block (RFC 7959 section 2.3).</summary>
    internal enum Block1Result
    {
        /// <summary>Stored; more blocks expected (answer 2.31 Continue).</summary>
        Continue,
        /// <summary>Last block stored; the whole body is ready for the handler.</summary>
        Complete,
        /// <summary>A block is missing or out of order, or the transfer is unknown (answer 4.08).</summary>
        Incomplete,
        /// <summary>The body would exceed the resource's limit (answer 4.13).</summary>
        TooLarge,
        /// <summary>A non-final block whose payload is not exactly the block size (answer 4.00).</summary>
        WrongBlockSize,
        /// <summary>Every slot holds an active transfer of someone else (answer 5.03 with Max-Age).</summary>
        Busy
    }
}
