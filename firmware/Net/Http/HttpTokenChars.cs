namespace CellularIot.Net.Http
{
    /// <summary>The "token" characters of RFC 9110 section 5.6.2, of which header names are made.</summary>
    public static class HttpTokenChars
    {
        /// <summary>True when <paramref name="c"/> may appear in a token: visible ASCII except the delimiters.</summary>
        public static bool IsTokenChar(int c)
        {
            if (c <= ' ' || c >= 0x7F)
            {
                return false;
            }

            switch (c)
            {
                case '(':
                case ')':
                case '<':
                case '>':
                case '@':
                case ',':
                case ';':
                case ':':
                case '\\':
                case '"':
                case '/':
                case '[':
                case ']':
                case '?':
                case '=':
                case '{':
                case '}':
                    return false;
                default:
                    return true;
            }
        }
    }
}
