namespace CellularIot.At
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Byte-level comparisons and conversions for AT lines. Lines are classified in place so that a final
    /// result or an unwanted URC costs no string; a string is made only when a caller asks for one.
    /// </summary>
    public static class AtText
    {
        /// <summary>True when the <paramref name="count"/> bytes at <paramref name="offset"/> begin with <paramref name="prefix"/>.</summary>
        public static bool StartsWith(byte[] line, int offset, int count, byte[] prefix)
        {
            if (prefix == null || count < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (line[offset + i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the bytes begin with the ASCII characters of <paramref name="prefix"/>.</summary>
        public static bool StartsWith(byte[] line, int offset, int count, string prefix)
        {
            if (prefix == null || count < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (line[offset + i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the bytes are exactly <paramref name="expected"/>.</summary>
        public static bool IsExactly(byte[] line, int offset, int count, byte[] expected)
        {
            return expected != null && count == expected.Length && StartsWith(line, offset, count, expected);
        }

        /// <summary>True when the bytes are exactly the ASCII characters of <paramref name="expected"/>.</summary>
        public static bool IsExactly(byte[] line, int offset, int count, string expected)
        {
            return expected != null && count == expected.Length && StartsWith(line, offset, count, expected);
        }

        /// <summary>
        /// The bytes as a string, printable ASCII kept and every other byte shown as '?'. Modem text is ASCII;
        /// a noisy line must still become a readable string and never an exception on the reader thread.
        /// </summary>
        public static string ToPrintable(byte[] line, int offset, int count)
        {
            if (line == null)
            {
                throw new ArgumentNullException(nameof(line));
            }

            if (offset < 0 || count < 0 || offset > line.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "range outside the array");
            }

            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte b = line[offset + i];
                chars[i] = b >= 0x20 && b < 0x7F ? (char)b : '?';
            }

            return new string(chars);
        }

        /// <summary>
        /// The bytes of <paramref name="text"/>, which must be printable ASCII without a double quote: the only
        /// text that can go inside an AT command without breaking its syntax or injecting a second command.
        /// </summary>
        /// <exception cref="ArgumentException">The text holds a quote, a control character or a non-ASCII character.</exception>
        public static byte[] ToCommandBytes(string text)
        {
            CheckCommandText(text);
            return Utf8.GetBytes(text);
        }

        /// <summary>Throws unless <paramref name="text"/> is printable ASCII without a double quote.</summary>
        /// <exception cref="ArgumentException">The text holds a quote, a control character or a non-ASCII character.</exception>
        public static void CheckCommandText(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~' || c == '"')
                {
                    throw new ArgumentException("not allowed in an AT command: character " + (int)c + " at index " + i, nameof(text));
                }
            }
        }
    }
}
