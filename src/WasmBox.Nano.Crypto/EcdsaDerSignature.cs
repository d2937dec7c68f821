namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Strict DER decoding of an ECDSA-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }, X.690 and
    /// RFC 3279) into the raw 64-byte r || s form of P-256. Anything but the unique DER encoding
    /// is refused: long or indefinite lengths where a short one fits, non-minimal or negative
    /// integers, integers wider than 256 bits, and trailing bytes.
    /// </summary>
    public static class EcdsaDerSignature
    {
        private const byte SequenceTag = 0x30;
        private const byte IntegerTag = 0x02;
        private const int CoordinateSize = 32;

        // Two INTEGERs of at most 33 content bytes each: the SEQUENCE content is at most
        // 2 * (2 + 33) = 70 bytes, so every valid length here has the one-byte short form.
        private const int MaxShortLength = 0x7F;

        /// <summary>
        /// Decodes <paramref name="count"/> bytes of <paramref name="der"/> from <paramref name="offset"/>
        /// into <paramref name="rawSignature"/> (64 bytes). Returns false, never throws, on any malformed input
        /// (<paramref name="rawSignature"/> may then hold partial output).
        /// </summary>
        public static bool TryDecode(byte[] der, int offset, int count, byte[] rawSignature)
        {
            if (der == null || rawSignature == null || rawSignature.Length != EcdsaP256Verifier.SignatureSize
                || offset < 0 || count < 2 || offset > der.Length - count)
            {
                return false;
            }

            int end = offset + count;
            if (der[offset] != SequenceTag || der[offset + 1] > MaxShortLength || offset + 2 + der[offset + 1] != end)
            {
                return false;
            }

            int position = offset + 2;
            position = ReadInteger(der, position, end, rawSignature, 0);
            if (position < 0)
            {
                return false;
            }

            position = ReadInteger(der, position, end, rawSignature, CoordinateSize);
            return position == end;
        }

        /// <summary>
        /// Reads one non-negative INTEGER of at most 256 bits at <paramref name="position"/> into 32
        /// big-endian bytes of <paramref name="output"/> at <paramref name="outputOffset"/>;
        /// returns the position after it, or -1 when it is not valid DER.
        /// </summary>
        private static int ReadInteger(byte[] der, int position, int end, byte[] output, int outputOffset)
        {
            if (end - position < 2 || der[position] != IntegerTag || der[position + 1] > MaxShortLength)
            {
                return -1;
            }

            int length = der[position + 1];
            int start = position + 2;
            if (length == 0 || length > end - start)
            {
                return -1;
            }

            if ((der[start] & 0x80) != 0)
            {
                return -1; // negative
            }

            if (length > 1 && der[start] == 0 && (der[start + 1] & 0x80) == 0)
            {
                return -1; // leading zero byte that is not needed for the sign
            }

            int valueStart = der[start] == 0 && length > 1 ? start + 1 : start;
            int valueLength = start + length - valueStart;
            if (valueLength > CoordinateSize)
            {
                return -1;
            }

            int padding = CoordinateSize - valueLength;
            for (int i = 0; i < padding; i++)
            {
                output[outputOffset + i] = 0;
            }

            for (int i = 0; i < valueLength; i++)
            {
                output[outputOffset + padding + i] = der[valueStart + i];
            }

            return start + length;
        }
    }
}
