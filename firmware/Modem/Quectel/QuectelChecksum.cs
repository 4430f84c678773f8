namespace CellularIot.Modem.Quectel
{
    using CellularIot.Bytes;

    /// <summary>
    /// The checksum AT+QFUPL reports (FILE AT Commands Manual, AT+QFUPL, note 2): a 16-bit XOR over the data taken
    /// two bytes at a time, the first of each pair as the high byte; an odd last byte is the high byte of a pair
    /// whose low byte is 0. The module prints it in hexadecimal.
    /// </summary>
    public static class QuectelChecksum
    {
        /// <summary>The checksum of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static int Compute(byte[] data, int offset, int count)
        {
            int sum = 0;
            int end = offset + count;
            for (int at = offset; at < end; at += 2)
            {
                int low = at + 1 < end ? data[at + 1] : 0;
                sum ^= (data[at] << 8) | low;
            }

            return sum;
        }

        /// <summary>Reads the module's hexadecimal checksum (1..4 digits of either case, no prefix); -1 when it is not one.</summary>
        public static int Parse(string text)
        {
            int value = 0;
            if (text == null || text.Length == 0 || text.Length > 4)
            {
                return -1;
            }

            for (int i = 0; i < text.Length; i++)
            {
                int nibble = text[i] > '~' ? -1 : Hex.NibbleOf((byte)text[i]);
                if (nibble < 0)
                {
                    return -1;
                }

                value = (value << 4) | nibble;
            }

            return value;
        }
    }
}
