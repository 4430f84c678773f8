namespace CellularIot.Tests.Support
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Bytes written as hex text ("80 01"). [DataRow] can carry only numbers and strings to the device's
    /// launcher, so byte vectors travel as hex strings.
    /// </summary>
    public static class HexBytes
    {
        /// <summary>Parses pairs of hex digits; spaces are ignored.</summary>
        public static byte[] Parse(string hex)
        {
            string digits = string.Empty;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] != ' ')
                {
                    digits += hex[i];
                }
            }

            byte[] digitBytes = Utf8.GetBytes(digits);
            byte[] bytes = new byte[digitBytes.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                ulong value;
                if (!Hex.TryParse(digitBytes, 2 * i, 2, out value))
                {
                    throw new ArgumentException("not hex: " + hex, nameof(hex));
                }

                bytes[i] = (byte)value;
            }

            return bytes;
        }

        /// <summary>The bytes as upper-case hex digits without spaces: { 0xC0, 0xAF } -> "C0AF".</summary>
        public static string ToText(byte[] bytes)
        {
            string text = string.Empty;
            for (int i = 0; i < bytes.Length; i++)
            {
                text += Hex.ToString(bytes[i], 2);
            }

            return text;
        }
    }
}
