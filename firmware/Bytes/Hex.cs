namespace CellularIot.Bytes
{
    using System;

    /// <summary>Upper-case hexadecimal, written and read in place, for dumps, checksums and chunked HTTP sizes.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>Writes the low <paramref name="digits"/> nibbles of <paramref name="value"/>, most significant first.</summary>
        /// <exception cref="ArgumentException">The destination is too small or the digit count is outside 1..16.</exception>
        public static int Format(ulong value, int digits, byte[] destination, int offset)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (digits < 1 || digits > 16 || offset < 0 || offset > destination.Length - digits)
            {
                throw new ArgumentException("cannot write " + digits + " hex digits there", nameof(digits));
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                destination[offset + i] = (byte)Digits[(int)(value & 0xF)];
                value >>= 4;
            }

            return digits;
        }

        /// <summary>Smallest number of hex digits that holds <paramref name="value"/> (at least one).</summary>
        public static int DigitCount(ulong value)
        {
            int digits = 1;
            while ((value >>= 4) != 0)
            {
                digits++;
            }

            return digits;
        }

        /// <summary>A string of exactly <paramref name="digits"/> hex digits, for messages and logs.</summary>
        public static string ToString(long value, int digits)
        {
            byte[] text = new byte[digits];
            Format((ulong)value, digits, text, 0);
            return Utf8.Decode(text, 0, digits);
        }

        /// <summary>Parses 1 to 16 hex digits of either case that fill the whole range; false on anything else.</summary>
        public static bool TryParse(byte[] source, int offset, int count, out ulong value)
        {
            value = 0;
            if (source == null || offset < 0 || count <= 0 || count > 16 || offset > source.Length - count)
            {
                return false;
            }

            ulong accumulated = 0;
            for (int at = offset; at < offset + count; at++)
            {
                int nibble = NibbleOf(source[at]);
                if (nibble < 0)
                {
                    return false;
                }

                accumulated = (accumulated << 4) | (uint)nibble;
            }

            value = accumulated;
            return true;
        }

        /// <summary>The value of one hex digit, or -1 when the byte is not one.</summary>
        public static int NibbleOf(byte digit)
        {
            if (digit >= '0' && digit <= '9')
            {
                return digit - '0';
            }

            if (digit >= 'A' && digit <= 'F')
            {
                return digit - 'A' + 10;
            }

            if (digit >= 'a' && digit <= 'f')
            {
                return digit - 'a' + 10;
            }

            return -1;
        }
    }
}
