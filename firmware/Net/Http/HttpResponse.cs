namespace CellularIot.Net.Http
{
    using System;
    using CellularIot.Text;

    /// <summary>A response as read: status, headers and the whole (bounded) body.</summary>
    public class HttpResponse
    {
        // nanoFramework has no Array.Empty; one shared empty array stands in for it.
#pragma warning disable CA1825, MA0005
        private static readonly byte[] NoBody = new byte[0];
#pragma warning restore CA1825, MA0005

        private readonly int minorVersion;
        private readonly int statusCode;
        private readonly string reasonPhrase;
        private readonly HttpHeaders headers;
        private readonly byte[] body;

        /// <summary>Creates a response of HTTP/1.<paramref name="minorVersion"/>; a null body means none.</summary>
        public HttpResponse(int minorVersion, int statusCode, string reasonPhrase, HttpHeaders headers, byte[] body)
        {
            if (reasonPhrase == null)
            {
                throw new ArgumentNullException(nameof(reasonPhrase));
            }

            if (headers == null)
            {
                throw new ArgumentNullException(nameof(headers));
            }

            this.minorVersion = minorVersion;
            this.statusCode = statusCode;
            this.reasonPhrase = reasonPhrase;
            this.headers = headers;
            this.body = body == null ? NoBody : body;
        }

        /// <summary>The x of "HTTP/1.x".</summary>
        public int MinorVersion
        {
            get { return minorVersion; }
        }

        /// <summary>The three-digit status code.</summary>
        public int StatusCode
        {
            get { return statusCode; }
        }

        /// <summary>The reason phrase after the code (may be empty).</summary>
        public string ReasonPhrase
        {
            get { return reasonPhrase; }
        }

        /// <summary>The header fields.</summary>
        public HttpHeaders Headers
        {
            get { return headers; }
        }

        /// <summary>The body (empty when there is none).</summary>
        public byte[] Body
        {
            get { return body; }
        }

        /// <summary>True for a 2xx status.</summary>
        public bool IsSuccess
        {
            get { return statusCode >= 200 && statusCode <= 299; }
        }

        /// <summary>The Content-Type without parameters, lower case ("text/csv"), or null when absent.</summary>
        public string MediaType
        {
            get
            {
                string type = headers.Get("Content-Type");
                if (type == null)
                {
                    return null;
                }

                int semicolon = type.IndexOf(';');
                return AsciiText.ToLower((semicolon < 0 ? type : type.Substring(0, semicolon)).Trim());
            }
        }
    }
}
