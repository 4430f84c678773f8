namespace CellularIot.Tests.Support
{
    using CellularIot.Bytes;

    /// <summary>
    /// Bytes written as hex text. [DataRow] can carry only numbers and strings to the device's launcher, so
    /// byte sequences travel as hex strings and are turned back into bytes here.
    /// </summary>
    public static class TestHex
    {
        /// <summary>"C0AF" -> { 0xC0, 0xAF }; upper or lower case, no separators.</summary>
        public static byte[] Bytes(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Hex.NibbleOf((byte)hex[2 * i]) << 4) | Hex.NibbleOf((byte)hex[(2 * i) + 1]));
            }

            return bytes;
        }

        /// <summary>{ 0xC0, 0xAF } -> "C0AF".</summary>
        public static string Text(byte[] bytes)
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
