namespace CellularIot.Net.Http
{
    using System;

    /// <summary>
    /// A GET request: the only method the firmware sends (onboarding and the WebSocket upgrade). It never
    /// carries a body, and never a Range header (the onboarding endpoint does not support one).
    /// </summary>
    public class HttpRequest
    {
        /// <summary>Connection value that asks the server to close after the response.</summary>
        public const string ConnectionClose = "close";

        /// <summary>Connection value that asks the server to keep the connection open.</summary>
        public const string ConnectionKeepAlive = "keep-alive";

        /// <summary>Connection value of a protocol switch (the WebSocket upgrade).</summary>
        public const string ConnectionUpgrade = "Upgrade";

        private readonly string host;
        private readonly string path;
        private readonly HttpHeaders headers = new HttpHeaders();
        private string connection = ConnectionClose;
        private string method = "GET";
        private byte[] body;

        /// <summary>Creates a GET of <paramref name="path"/> (starting with '/') on <paramref name="host"/> (the Host header: name, optionally ":port").</summary>
        public HttpRequest(string host, string path)
        {
            if (host == null)
            {
                throw new ArgumentNullException(nameof(host));
            }

            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            this.host = host;
            this.path = path;
        }

        /// <summary>The Host header value.</summary>
        public string Host
        {
            get { return host; }
        }

        /// <summary>The request target.</summary>
        public string Path
        {
            get { return path; }
        }

        /// <summary>The method, "GET" unless set ("POST" for a request with a body).</summary>
        public string Method
        {
            get
            {
                return method;
            }

            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException(nameof(value));
                }

                method = value;
            }
        }

        /// <summary>The body, sent after the head with its Content-Length; null for none.</summary>
        public byte[] Body
        {
            get { return body; }
        }

        /// <summary>The media type of the body (the Content-Type header), or null.</summary>
        public string ContentType { get; set; }

        /// <summary>Sets the body; <paramref name="contentType"/> names its media type.</summary>
        public void SetBody(byte[] content, string contentType)
        {
            if (content == null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            body = content;
            ContentType = contentType;
        }

        /// <summary>The Accept header value, or null to send none.</summary>
        public string Accept { get; set; }

        /// <summary>The User-Agent header value, or null to send none.</summary>
        public string UserAgent { get; set; }

        /// <summary>The Connection header value: <see cref="ConnectionClose"/> unless changed.</summary>
        public string Connection
        {
            get
            {
                return connection;
            }

            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException(nameof(value));
                }

                connection = value;
            }
        }

        /// <summary>Further headers, sent after the standard ones in the order added.</summary>
        public HttpHeaders Headers
        {
            get { return headers; }
        }
    }
}
