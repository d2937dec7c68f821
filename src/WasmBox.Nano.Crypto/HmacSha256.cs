using System;

namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104) with a key fixed at construction. Incremental: <see cref="Update"/>,
    /// then <see cref="Final"/>, which also starts the next message under the same key.
    /// Allocates nothing after construction; not thread-safe.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>Tag length in bytes.</summary>
        public const int TagSize = Sha256.HashSize;

        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5c;

        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _innerKeyBlock = new byte[Sha256.BlockSize];
        private readonly byte[] _outerKeyBlock = new byte[Sha256.BlockSize];
        private readonly byte[] _innerDigest = new byte[Sha256.HashSize];

        public HmacSha256(byte[] key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            // Keys longer than a block are replaced by their digest; shorter ones are zero padded.
            byte[] blockKey = key.Length > Sha256.BlockSize ? Sha256.Hash(key, 0, key.Length) : key;
            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                byte k = i < blockKey.Length ? blockKey[i] : (byte)0;
                _innerKeyBlock[i] = (byte)(k ^ InnerPad);
                _outerKeyBlock[i] = (byte)(k ^ OuterPad);
            }

            Reset();
        }

        /// <summary>Computes the 32-byte tag of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            HmacSha256 hmac = new HmacSha256(key);
            hmac.Update(data, offset, count);
            byte[] tag = new byte[TagSize];
            hmac.Final(tag, 0);
            return tag;
        }

        /// <summary>Discards the message so far and starts a new one under the same key.</summary>
        public void Reset()
        {
            _sha.Reset();
            _sha.Update(_innerKeyBlock, 0, Sha256.BlockSize);
        }

        /// <summary>Appends <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> to the message.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _sha.Update(data, offset, count);
        }

        /// <summary>Writes the 32-byte tag to <paramref name="output"/> at <paramref name="offset"/> and starts a new message.</summary>
        public void Final(byte[] output, int offset)
        {
            // Checked first so that a bad output buffer leaves the message intact.
            Sha256.CheckRange(output, offset, TagSize, TagSize);
            _sha.Final(_innerDigest, 0);
            _sha.Update(_outerKeyBlock, 0, Sha256.BlockSize);
            _sha.Update(_innerDigest, 0, Sha256.HashSize);
            _sha.Final(output, offset);
            Reset();
        }
    }
}
