namespace CellularIot.Net.Http
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Turns an <see cref="HttpRequest"/> into HTTP/1.1 bytes. Everything is checked first: a CR or LF in a
    /// value would let a caller (or a credential read from a server) inject headers, and a Range header is
    /// refused outright because the onboarding endpoint does not support it.
    /// </summary>
    public static class HttpRequestWriter
    {
        /// <summary>The request line, headers and the empty line that ends them, as ASCII bytes.</summary>
        /// <exception cref="ArgumentException">A field is empty, holds a control or non-ASCII character, or is not allowed.</exception>
        public static byte[] Format(HttpRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            string problem = Problem(request.Host, "Host", false);
            if (problem == null && (request.Path.Length == 0 || request.Path[0] != '/'))
            {
                problem = "the request path must start with '/'";
            }

            problem = problem != null ? problem : Problem(request.Path, "path", false);
            string text = "GET " + request.Path + " HTTP/1.1\r\nHost: " + request.Host + "\r\n";
            if (request.Accept != null)
            {
                problem = problem != null ? problem : Problem(request.Accept, "Accept", true);
                text += "Accept: " + request.Accept + "\r\n";
            }

            if (request.UserAgent != null)
            {
                problem = problem != null ? problem : Problem(request.UserAgent, "User-Agent", true);
                text += "User-Agent: " + request.UserAgent + "\r\n";
            }

            problem = problem != null ? problem : Problem(request.Connection, "Connection", true);
            text += "Connection: " + request.Connection + "\r\n";
            HttpHeaders extra = request.Headers;
            for (int i = 0; i < extra.Count && problem == null; i++)
            {
                string name = extra.NameAt(i);
                problem = NameProblem(name);
                problem = problem != null ? problem : Problem(extra.ValueAt(i), name, true);
                text += name + ": " + extra.ValueAt(i) + "\r\n";
            }

            if (problem != null)
            {
                throw new ArgumentException(problem, nameof(request));
            }

            return Utf8.GetBytes(text + "\r\n");
        }

        // Host, Accept, User-Agent and Connection come from the request's own properties; a second copy would
        // be ambiguous. Range is never sent, and a GET carries no body to describe.
        private static string NameProblem(string name)
        {
            if (name.Length == 0)
            {
                return "empty header name";
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (!HttpToken.IsTokenChar(name[i]))
                {
                    return "header name '" + name + "' holds a character not allowed in a token";
                }
            }

            string lower = AsciiText.ToLower(name);
            if (lower == "host" || lower == "accept" || lower == "user-agent" || lower == "connection"
                || lower == "range" || lower == "content-length" || lower == "transfer-encoding")
            {
                return "header '" + name + "' is set by the request itself or never sent";
            }

            return null;
        }

        private static string Problem(string value, string what, bool spacesAllowed)
        {
            if (value.Length == 0)
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
