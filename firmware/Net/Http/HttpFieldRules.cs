namespace CellularIot.Net.Http
{
    using CellularIot.Text;

    /// <summary>
    /// What a request header may hold, as this client writes it: a name of RFC 9110 token characters that is
    /// not one the request sets itself, and a value of visible ASCII (spaces where allowed), never empty. Shared
    /// by the writer and by whoever takes header values from outside (the onboarding login), so that bad input
    /// is refused where it enters, not when a request is finally written.
    /// </summary>
    public static class HttpFieldRules
    {
        /// <summary>Why <paramref name="name"/> cannot be a header name here, or null when it can.</summary>
        public static string NameProblem(string name)
        {
            if (name == null || name.Length == 0)
            {
                return "empty header name";
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (!HttpTokenChars.IsTokenChar(name[i]))
                {
                    return "header name '" + name + "' holds a character not allowed in a token";
                }
            }

            // Host, Accept, User-Agent, Connection, Content-Type and Content-Length come from the request's own
            // properties (the last two from its body); a second copy would be ambiguous. Range is never sent, and
            // a body is never chunked.
            string lower = AsciiText.ToLower(name);
            if (lower == "host" || lower == "accept" || lower == "user-agent" || lower == "connection"
                || lower == "range" || lower == "content-length" || lower == "content-type" || lower == "transfer-encoding")
            {
                return "header '" + name + "' is set by the request itself or never sent";
            }

            return null;
        }

        /// <summary>Why <paramref name="value"/> cannot be the value <paramref name="what"/>, or null when it can.</summary>
        public static string ValueProblem(string value, string what, bool spacesAllowed)
        {
            if (value == null || value.Length == 0)
            {
                return what + " is empty";
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool space = c == ' ' || c == '\t';
                if ((c < ' ' && c != '\t') || c >= 0x7F || (space && !spacesAllowed))
                {
                    return what + " holds a control, space or non-ASCII character at index " + i;
                }
            }

            return null;
        }
    }
}
