namespace CellularIot.Net.WebSockets
{
    using System;

    /// <summary>
    /// SHA-1 (FIPS 180-4), needed only to check the server's Sec-WebSocket-Accept: nanoFramework's core
    /// library has no hash functions. Not for security decisions; SHA-1 is broken for collision resistance.
    /// </summary>
    public static class Sha1
    {
        /// <summary>Bytes in a digest.</summary>
        public const int HashBytes = 20;

        /// <summary>The digest of the whole array.</summary>
        public static byte[] Hash(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Hash(data, 0, data.Length);
        }

        /// <summary>The digest of <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "range outside the array");
            }

            uint[] state = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
            uint[] schedule = new uint[80];
            int fullBlocks = count / 64;
            for (int b = 0; b < fullBlocks; b++)
            {
                Compress(state, schedule, data, offset + (b * 64));
            }

            // Padding: 0x80, zeros, then the message length in bits as a big-endian 64-bit number.
            int rest = count - (fullBlocks * 64);
            byte[] tail = new byte[rest < 56 ? 64 : 128];
            Array.Copy(data, offset + (fullBlocks * 64), tail, 0, rest);
            tail[rest] = 0x80;
            ulong bits = (ulong)count * 8;
            for (int i = 0; i < 8; i++)
            {
                tail[tail.Length - 1 - i] = (byte)(bits >> (8 * i));
            }

            for (int at = 0; at < tail.Length; at += 64)
            {
                Compress(state, schedule, tail, at);
            }

            byte[] digest = new byte[HashBytes];
            for (int i = 0; i < 5; i++)
            {
                digest[i * 4] = (byte)(state[i] >> 24);
                digest[(i * 4) + 1] = (byte)(state[i] >> 16);
                digest[(i * 4) + 2] = (byte)(state[i] >> 8);
                digest[(i * 4) + 3] = (byte)state[i];
            }

            return digest;
        }

        private static void Compress(uint[] state, uint[] w, byte[] block, int at)
        {
            for (int t = 0; t < 16; t++)
            {
                int i = at + (t * 4);
                w[t] = ((uint)block[i] << 24) | ((uint)block[i + 1] << 16) | ((uint)block[i + 2] << 8) | block[i + 3];
            }

            for (int t = 16; t < 80; t++)
            {
                w[t] = RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }

            uint a = state[0];
            uint b = state[1];
            uint c = state[2];
            uint d = state[3];
            uint e = state[4];
            for (int t = 0; t < 80; t++)
            {
                uint f;
                uint k;
                if (t < 20)
                {
                    f = (b & c) | (~b & d);
                    k = 0x5A827999;
                }
                else if (t < 40)
                {
                    f = b ^ c ^ d;
                    k = 0x6ED9EBA1;
                }
                else if (t < 60)
                {
                    f = (b & c) | (b & d) | (c & d);
                    k = 0x8F1BBCDC;
                }
                else
                {
                    f = b ^ c ^ d;
                    k = 0xCA62C1D6;
                }

                uint temp = RotateLeft(a, 5) + f + e + k + w[t];
                e = d;
                d = c;
                c = RotateLeft(b, 30);
                b = a;
                a = temp;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
        }

        private static uint RotateLeft(uint value, int bits)
        {
            return (value << bits) | (value >> (32 - bits));
        }
    }
}
