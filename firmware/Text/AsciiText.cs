namespace CellularIot.Text
{
    /// <summary>
    /// Ordinal, ASCII-only string helpers for protocol text. Protocol names and markers are ASCII and must
    /// compare byte for byte: the culture-aware string methods of a PC build could match differently (or
    /// ignore characters), and nanoFramework lacks the ordinal overloads.
    /// </summary>
    public static class AsciiText
    {
        /// <summary>The ASCII lower-case form of <paramref name="c"/>; other characters unchanged.</summary>
        public static char ToLower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }

        /// <summary>The ASCII lower-case form of <paramref name="text"/>; non-ASCII characters unchanged.</summary>
        public static string ToLower(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = ToLower(chars[i]);
            }

            return new string(chars);
        }

        /// <summary>True when both strings are equal, ignoring ASCII case.</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            return a.Length == b.Length && RegionMatches(a, 0, b, true);
        }

        /// <summary>True when <paramref name="text"/> begins with <paramref name="prefix"/>.</summary>
        public static bool StartsWith(string text, string prefix, bool ignoreCase)
        {
            return text.Length >= prefix.Length && RegionMatches(text, 0, prefix, ignoreCase);
        }

        /// <summary>First ordinal position of <paramref name="value"/> at or after <paramref name="startIndex"/>, or -1.</summary>
        public static int IndexOf(string text, string value, int startIndex, bool ignoreCase)
        {
            for (int at = startIndex; at <= text.Length - value.Length; at++)
            {
                if (RegionMatches(text, at, value, ignoreCase))
                {
                    return at;
                }
            }

            return -1;
        }

        /// <summary>
        /// Bytes as characters one to one (ISO 8859-1). HTTP field values are octets, not UTF-8; this never
        /// fails, so a stray byte in a header cannot make a whole response unreadable.
        /// </summary>
        public static string Latin1(byte[] source, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)source[offset + i];
            }

            return new string(chars);
        }

        private static bool RegionMatches(string text, int at, string value, bool ignoreCase)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char a = text[at + i];
                char b = value[i];
                if (a != b && (!ignoreCase || ToLower(a) != ToLower(b)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
