namespace CellularIot.Text
{
    using System;

    /// <summary>
    /// Strict base64url decoding (RFC 4648 section 5), padding optional, as JWT parts use it. Written here so
    /// that malformed input fails the same way on the device and on a PC.
    /// </summary>
    public static class Base64Url
    {
        /// <summary>Decodes <paramref name="text"/>, which may decode to at most <paramref name="maxBytes"/> bytes.</summary>
        /// <exception cref="FormatException">A character outside the alphabet, an impossible length, or too long.</exception>
        public static byte[] Decode(string text, int maxBytes)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            int length = text.Length;
            while (length > 0 && text[length - 1] == '=' && text.Length - length < 2)
            {
                length--;
            }

            if (length % 4 == 1 || (length < text.Length && text.Length % 4 != 0))
            {
                throw new FormatException("base64url: impossible length " + text.Length);
            }

            int byteCount = (int)(((long)length * 3) / 4);
            if (byteCount > maxBytes)
            {
                throw new FormatException("base64url: decodes to more than " + maxBytes + " bytes");
            }

            byte[] bytes = new byte[byteCount];
            int bits = 0;
            int bitCount = 0;
            int written = 0;
            for (int i = 0; i < length; i++)
            {
                int value = ValueOf(text[i]);
                if (value < 0)
                {
                    throw new FormatException("base64url: invalid character at index " + i);
                }

                bits = (bits << 6) | value;
                bitCount += 6;
                if (bitCount >= 8)
                {
                    bitCount -= 8;
                    bytes[written++] = (byte)(bits >> bitCount);
                    bits &= (1 << bitCount) - 1;
                }
            }

            return bytes;
        }

        private static int ValueOf(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            return c == '-' ? 62 : (c == '_' ? 63 : -1);
        }
    }
}
