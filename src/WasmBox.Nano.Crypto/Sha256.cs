using System;

namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4). Incremental: <see cref="Update"/> any number of times, then
    /// <see cref="Final"/>, which also resets the instance for the next message. An instance
    /// allocates nothing after construction; it is not thread-safe.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 32;

        /// <summary>Block length in bytes (HMAC pads keys to this size).</summary>
        public const int BlockSize = 64;

        private static readonly uint[] RoundConstants = new uint[]
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _state = new uint[8];
        private readonly uint[] _schedule = new uint[64];
        private readonly byte[] _block = new byte[BlockSize];
        private int _blockLength;
        private long _totalLength;

        public Sha256()
        {
            Reset();
        }

        /// <summary>Computes the digest of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(data, offset, count);
            byte[] digest = new byte[HashSize];
            sha.Final(digest, 0);
            return digest;
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            _state[0] = 0x6a09e667;
            _state[1] = 0xbb67ae85;
            _state[2] = 0x3c6ef372;
            _state[3] = 0xa54ff53a;
            _state[4] = 0x510e527f;
            _state[5] = 0x9b05688c;
            _state[6] = 0x1f83d9ab;
            _state[7] = 0x5be0cd19;
            _blockLength = 0;
            _totalLength = 0;
        }

        /// <summary>Appends <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> to the message.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count, 0);
            _totalLength += count;
            while (count > 0)
            {
                if (_blockLength == 0 && count >= BlockSize)
                {
                    // Whole blocks straight from the caller's buffer, no copy.
                    Compress(data, offset);
                    offset += BlockSize;
                    count -= BlockSize;
                    continue;
                }

                int take = BlockSize - _blockLength;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(data, offset, _block, _blockLength, take);
                _blockLength += take;
                offset += take;
                count -= take;
                if (_blockLength == BlockSize)
                {
                    Compress(_block, 0);
                    _blockLength = 0;
                }
            }
        }

        /// <summary>Writes the 32-byte digest to <paramref name="output"/> at <paramref name="offset"/> and resets the instance.</summary>
        public void Final(byte[] output, int offset)
        {
            CheckRange(output, offset, HashSize, HashSize);
            long bitLength = _totalLength * 8;

            _block[_blockLength++] = 0x80;
            if (_blockLength > BlockSize - 8)
            {
                Array.Clear(_block, _blockLength, BlockSize - _blockLength);
                Compress(_block, 0);
                _blockLength = 0;
            }

            Array.Clear(_block, _blockLength, BlockSize - 8 - _blockLength);
            for (int i = 0; i < 8; i++)
            {
                _block[BlockSize - 1 - i] = (byte)(bitLength >> (8 * i));
            }

            Compress(_block, 0);
            for (int i = 0; i < 8; i++)
            {
                uint word = _state[i];
                output[offset + 4 * i] = (byte)(word >> 24);
                output[offset + 4 * i + 1] = (byte)(word >> 16);
                output[offset + 4 * i + 2] = (byte)(word >> 8);
                output[offset + 4 * i + 3] = (byte)word;
            }

            Reset();
        }

        /// <summary>Throws when <paramref name="count"/> bytes from <paramref name="offset"/> do not fit <paramref name="buffer"/>.</summary>
        internal static void CheckRange(byte[] buffer, int offset, int count, int minimumCount)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < minimumCount || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "offset " + offset + " and count " + count
                    + " do not fit a buffer of " + buffer.Length + " bytes");
            }
        }

        private void Compress(byte[] data, int offset)
        {
            uint[] w = _schedule;
            for (int i = 0; i < 16; i++)
            {
                int p = offset + 4 * i;
                w[i] = ((uint)data[p] << 24) | ((uint)data[p + 1] << 16) | ((uint)data[p + 2] << 8) | data[p + 3];
            }

            for (int i = 16; i < 64; i++)
            {
                uint x = w[i - 15];
                uint y = w[i - 2];
                uint sigma0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3);
                uint sigma1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10);
                w[i] = w[i - 16] + sigma0 + w[i - 7] + sigma1;
            }

            uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
            uint e = _state[4], f = _state[5], g = _state[6], h = _state[7];
            for (int i = 0; i < 64; i++)
            {
                uint bigSigma1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint choose = (e & f) ^ (~e & g);
                uint t1 = h + bigSigma1 + choose + RoundConstants[i] + w[i];
                uint bigSigma0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = bigSigma0 + majority;
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            _state[0] += a;
            _state[1] += b;
            _state[2] += c;
            _state[3] += d;
            _state[4] += e;
            _state[5] += f;
            _state[6] += g;
            _state[7] += h;
        }
    }
}
