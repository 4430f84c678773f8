namespace CellularIot.Text
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Strict percent-decoding (RFC 3986 section 2.1) to UTF-8 text. A '+' stays a '+': these values are
    /// base64 signatures and JWTs, never form text with spaces, and a signature sent unencoded keeps its '+'.
    /// Encoding is for a URL path: what is not unreserved or '/' becomes "%XY" of its UTF-8 bytes.
    /// </summary>
    public static class PercentEncoding
    {
        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>
        /// <paramref name="path"/> with every byte of its UTF-8 form that is not an unreserved character
        /// (letters, digits, '-', '.', '_', '~') or '/' written as "%XY"; the slashes stay path separators.
        /// </summary>
        /// <exception cref="FormatException">The text holds an unpaired surrogate.</exception>
        public static string EncodePath(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            byte[] bytes;
            try
            {
                bytes = Utf8.GetBytes(path);
            }
            catch (Utf8Exception e)
            {
                throw new FormatException("path to percent-encode is not well-formed: " + e.Message, e);
            }

            char[] encoded = new char[bytes.Length * 3];
            int written = 0;
            foreach (byte b in bytes)
            {
                bool plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~' || b == '/';
                if (plain)
                {
                    encoded[written++] = (char)b;
                    continue;
                }

                encoded[written++] = '%';
                encoded[written++] = HexDigits[b >> 4];
                encoded[written++] = HexDigits[b & 0x0F];
            }

            return new string(encoded, 0, written);
        }

        /// <summary>Decodes every "%XY" of <paramref name="text"/> once.</summary>
        /// <exception cref="FormatException">A '%' is not followed by two hex digits, a "%00", the bytes are not UTF-8, or the text holds an unpaired surrogate.</exception>
        public static string Decode(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (text.IndexOf('%') < 0)
            {
                return text;
            }

            byte[] bytes;
            try
            {
                bytes = Utf8.GetBytes(text);
            }
            catch (Utf8Exception e)
            {
                throw new FormatException("text to percent-decode is not well-formed: " + e.Message, e);
            }

            int written = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != '%')
                {
                    bytes[written++] = bytes[i];
                    continue;
                }

                int high = i + 2 < bytes.Length ? Hex.NibbleOf(bytes[i + 1]) : -1;
                int low = high >= 0 ? Hex.NibbleOf(bytes[i + 2]) : -1;
                if (low < 0)
                {
                    throw new FormatException("'%' not followed by two hex digits at index " + i);
                }

                if (high == 0 && low == 0)
                {
                    // A nanoFramework string ends at U+0000, so "%00" would silently cut the value short.
                    throw new FormatException("percent-encoded NUL (%00) at index " + i);
                }

                bytes[written++] = (byte)((high << 4) | low);
                i += 2;
            }

            try
            {
                return Utf8.Decode(bytes, 0, written);
            }
            catch (Utf8Exception e)
            {
                throw new FormatException("percent-decoded bytes are not UTF-8: " + e.Message, e);
            }
        }
    }
}
