namespace CellularIot.Bytes
{
    using System;

    /// <summary>
    /// Decimal integers as ASCII bytes, written and read in place. AT commands, HTTP headers and MQTT
    /// settings are full of numbers; formatting them through int.ToString() would allocate a string per use.
    /// </summary>
    public static class AsciiInt
    {
        /// <summary>Longest decimal form of an Int64, sign included.</summary>
        public const int MaxInt64Digits = 20;

        /// <summary>Writes <paramref name="value"/> in decimal at <paramref name="offset"/> and returns the byte count.</summary>
        /// <exception cref="ArgumentException">The destination is too small; nothing is written.</exception>
        public static int Format(long value, byte[] destination, int offset)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            int length = FormattedLength(value);
            if (offset < 0 || offset > destination.Length - length)
            {
                throw new ArgumentException("destination too small for " + length + " digits", nameof(destination));
            }

            // Work with the negative magnitude so that long.MinValue needs no special case.
            long negative = value < 0 ? value : -value;
            int at = offset + length - 1;
            do
            {
                destination[at--] = (byte)('0' - (negative % 10));
                negative /= 10;
            }
            while (negative != 0);

            if (value < 0)
            {
                destination[offset] = (byte)'-';
            }

            return length;
        }

        /// <summary>How many bytes <see cref="Format"/> writes for <paramref name="value"/>, sign included.</summary>
        public static int FormattedLength(long value)
        {
            int length = value < 0 ? 2 : 1;
            for (long rest = value / 10; rest != 0; rest /= 10)
            {
                length++;
            }

            return length;
        }

        /// <summary>Parses an optionally signed decimal Int32 that fills the whole range; false on anything else.</summary>
        public static bool TryParse(byte[] source, int offset, int count, out int value)
        {
            long wide;
            if (TryParse(source, offset, count, out wide) && wide >= int.MinValue && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>Parses an optionally signed decimal Int64 that fills the whole range; false on anything else, overflow included.</summary>
        public static bool TryParse(byte[] source, int offset, int count, out long value)
        {
            value = 0;
            if (source == null || offset < 0 || count <= 0 || offset > source.Length - count)
            {
                return false;
            }

            int at = offset;
            int end = offset + count;
            bool negative = source[at] == (byte)'-';
            if (negative || source[at] == (byte)'+')
            {
                at++;
                if (at == end)
                {
                    return false;
                }
            }

            // Accumulate negatively: the negative range is one larger, so long.MinValue parses too.
            long accumulated = 0;
            for (; at < end; at++)
            {
                int digit = source[at] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                if (accumulated < (long.MinValue + digit) / 10)
                {
                    return false;
                }

                accumulated = (accumulated * 10) - digit;
            }

            if (!negative)
            {
                if (accumulated == long.MinValue)
                {
                    return false;
                }

                accumulated = -accumulated;
            }

            value = accumulated;
            return true;
        }
    }
}
