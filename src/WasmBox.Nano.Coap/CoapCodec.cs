using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// CoAP message wire format (RFC 7252, section 3). Decoding is strict and never throws: every
    /// malformed input yields its own <see cref="CoapDecodeError"/>. Neither direction allocates.
    /// </summary>
    public static class CoapCodec
    {
        public const int HeaderLength = 4;
        public const byte PayloadMarker = 0xFF;
        const int Version = 1;
        const int ExtendedByte = 13;
        const int ExtendedWord = 14;
        const int ReservedNibble = 15;
        const int ExtendedByteBase = 13;
        const int ExtendedWordBase = 269;

        /// <summary>
        /// Decodes <paramref name="count"/> bytes of <paramref name="data"/> into <paramref name="message"/>,
        /// which then refers to <paramref name="data"/> for option values and payload. When the result is an
        /// error other than <see cref="CoapDecodeError.TooShort"/>, the header fields (type, code, message id)
        /// are still filled in, so the caller can answer a broken Confirmable message with a Reset.
        /// </summary>
        public static CoapDecodeError Decode(byte[] data, int count, CoapMessage message)
        {
            message.BeginDecoded(data);
            if (count < HeaderLength) return CoapDecodeError.TooShort;

            int first = data[0];
            message.Type = (CoapMessageType)((first >> 4) & 0x3);
            message.Code = data[1];
            message.MessageId = (data[2] << 8) | data[3];
            if ((first >> 6) != Version) return CoapDecodeError.UnsupportedVersion;

            int tokenLength = first & 0xF;
            if (tokenLength > CoapMessage.MaxTokenLength) return CoapDecodeError.TokenLengthReserved;
            if (HeaderLength + tokenLength > count) return CoapDecodeError.TruncatedToken;
            message.SetToken(data, HeaderLength, tokenLength);

            int codeClass = CoapCode.ClassOf(message.Code);
            if (codeClass == 1 || codeClass >= 6) return CoapDecodeError.ReservedCodeClass;
            if (message.Code == CoapCode.Empty && count != HeaderLength) return CoapDecodeError.EmptyMessageNotEmpty;

            return DecodeOptionsAndPayload(data, HeaderLength + tokenLength, count, message);
        }

        static CoapDecodeError DecodeOptionsAndPayload(byte[] data, int position, int count, CoapMessage message)
        {
            int number = 0;
            while (position < count)
            {
                int header = data[position++];
                if (header == PayloadMarker)
                {
                    if (position == count) return CoapDecodeError.EmptyPayloadAfterMarker;
                    message.SetPayload(data, position, count - position);
                    return CoapDecodeError.None;
                }

                int deltaNibble = header >> 4;
                int lengthNibble = header & 0xF;
                if (deltaNibble == ReservedNibble) return CoapDecodeError.OptionDeltaReserved;
                if (lengthNibble == ReservedNibble) return CoapDecodeError.OptionLengthReserved;

                int delta = ReadExtended(data, ref position, count, deltaNibble);
                if (delta < 0) return CoapDecodeError.TruncatedOptionHeader;
                int length = ReadExtended(data, ref position, count, lengthNibble);
                if (length < 0) return CoapDecodeError.TruncatedOptionHeader;

                number += delta;
                if (number > 65535) return CoapDecodeError.OptionNumberTooLarge;
                if (length > count - position) return CoapDecodeError.TruncatedOptionValue;
                if (!message.AppendDecodedOption(number, position, length)) return CoapDecodeError.TooManyOptions;
                position += length;
            }
            return CoapDecodeError.None;
        }

        /// <summary>Value of a delta or length nibble with its extension bytes; -1 when they are cut off.</summary>
        static int ReadExtended(byte[] data, ref int position, int count, int nibble)
        {
            if (nibble < ExtendedByte) return nibble;
            if (nibble == ExtendedByte)
            {
                if (position + 1 > count) return -1;
                return data[position++] + ExtendedByteBase;
            }
            if (position + 2 > count) return -1;
            int value = ((data[position] << 8) | data[position + 1]) + ExtendedWordBase;
            position += 2;
            return value;
        }

        /// <summary>Encoded size of <paramref name="message"/> in bytes.</summary>
        public static int EncodedLength(CoapMessage message)
        {
            int length = HeaderLength + message.TokenLength;
            int previous = 0;
            for (int i = 0; i < message.OptionCount; i++)
            {
                int number = message.OptionNumber(i);
                int valueLength = message.OptionLength(i);
                length += 1 + ExtensionLength(number - previous) + ExtensionLength(valueLength) + valueLength;
                previous = number;
            }
            if (message.PayloadLength > 0) length += 1 + message.PayloadLength;
            return length;
        }

        /// <summary>
        /// Writes <paramref name="message"/> at the start of <paramref name="output"/>; returns the number
        /// of bytes, or -1 when it does not fit (nothing useful is left in <paramref name="output"/> then).
        /// </summary>
        public static int Encode(CoapMessage message, byte[] output)
        {
            int total = EncodedLength(message);
            if (total > output.Length) return -1;

            output[0] = (byte)((Version << 6) | (((int)message.Type & 0x3) << 4) | message.TokenLength);
            output[1] = message.Code;
            output[2] = (byte)(message.MessageId >> 8);
            output[3] = (byte)message.MessageId;
            message.CopyToken(output, HeaderLength);
            int position = HeaderLength + message.TokenLength;

            int previous = 0;
            byte[] values = message.OptionValues;
            for (int i = 0; i < message.OptionCount; i++)
            {
                int number = message.OptionNumber(i);
                int length = message.OptionLength(i);
                int delta = number - previous;
                int headerAt = position++;
                output[headerAt] = (byte)((Nibble(delta) << 4) | Nibble(length));
                position = WriteExtension(output, position, delta);
                position = WriteExtension(output, position, length);
                Array.Copy(values, message.OptionOffset(i), output, position, length);
                position += length;
                previous = number;
            }

            if (message.PayloadLength > 0)
            {
                output[position++] = PayloadMarker;
                Array.Copy(message.PayloadBuffer, message.PayloadOffset, output, position, message.PayloadLength);
                position += message.PayloadLength;
            }
            return position;
        }

        static int Nibble(int value)
        {
            if (value < ExtendedByteBase) return value;
            return value < ExtendedWordBase ? ExtendedByte : ExtendedWord;
        }

        static int ExtensionLength(int value)
        {
            if (value < ExtendedByteBase) return 0;
            return value < ExtendedWordBase ? 1 : 2;
        }

        static int WriteExtension(byte[] output, int position, int value)
        {
            if (value < ExtendedByteBase) return position;
            if (value < ExtendedWordBase)
            {
                output[position] = (byte)(value - ExtendedByteBase);
                return position + 1;
            }
            int extended = value - ExtendedWordBase;
            output[position] = (byte)(extended >> 8);
            output[position + 1] = (byte)extended;
            return position + 2;
        }
    }
}
