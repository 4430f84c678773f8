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
        /// <summary>The request line, headers (Content-Length and Content-Type for a body) and the empty line that ends them, as ASCII bytes; the body is sent after them.</summary>
        /// <exception cref="ArgumentException">A field is empty, holds a control or non-ASCII character, or is not allowed.</exception>
        public static byte[] Format(HttpRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            string problem = HttpFieldRules.ValueProblem(request.Host, "Host", false);
            if (problem == null && (request.Path.Length == 0 || request.Path[0] != '/'))
            {
                problem = "the request path must start with '/'";
            }

            problem = problem != null ? problem : HttpFieldRules.ValueProblem(request.Path, "path", false);
            problem = problem != null ? problem : MethodProblem(request.Method);
            string text = request.Method + " " + request.Path + " HTTP/1.1\r\nHost: " + request.Host + "\r\n";
            if (request.Accept != null)
            {
                problem = problem != null ? problem : HttpFieldRules.ValueProblem(request.Accept, "Accept", true);
                text += "Accept: " + request.Accept + "\r\n";
            }

            if (request.UserAgent != null)
            {
                problem = problem != null ? problem : HttpFieldRules.ValueProblem(request.UserAgent, "User-Agent", true);
                text += "User-Agent: " + request.UserAgent + "\r\n";
            }

            problem = problem != null ? problem : HttpFieldRules.ValueProblem(request.Connection, "Connection", true);
            text += "Connection: " + request.Connection + "\r\n";
            HttpHeaders extra = request.Headers;
            for (int i = 0; i < extra.Count && problem == null; i++)
            {
                string name = extra.NameAt(i);
                problem = HttpFieldRules.NameProblem(name);
                problem = problem != null ? problem : HttpFieldRules.ValueProblem(extra.ValueAt(i), name, true);
                text += name + ": " + extra.ValueAt(i) + "\r\n";
            }

            if (request.Body != null)
            {
                if (request.ContentType != null)
                {
                    problem = problem != null ? problem : HttpFieldRules.ValueProblem(request.ContentType, "Content-Type", true);
                    text += "Content-Type: " + request.ContentType + "\r\n";
                }

                text += "Content-Length: " + request.Body.Length + "\r\n";
            }

            if (problem != null)
            {
                throw new ArgumentException(problem, nameof(request));
            }

            return Utf8.GetBytes(text + "\r\n");
        }

        // A method is an upper-case token (RFC 9110 section 9.1).
        private static string MethodProblem(string method)
        {
            if (method.Length == 0)
            {
                return "empty method";
            }

            for (int i = 0; i < method.Length; i++)
            {
                if (method[i] < 'A' || method[i] > 'Z')
                {
                    return "method '" + method + "' must be upper-case letters";
                }
            }

            return null;
        }
    }
}
