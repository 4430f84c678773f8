namespace CellularIot.Net.WebSockets
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net.Http;
    using CellularIot.Text;

    /// <summary>The client side of the RFC 6455 opening handshake (section 4): the upgrade request and its checks.</summary>
    public static class WebSocketHandshake
    {
        /// <summary>The GUID RFC 6455 appends to the key before hashing.</summary>
        public const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

        /// <summary>A fresh Sec-WebSocket-Key: 16 random bytes in base64.</summary>
        public static string CreateKey(Random random)
        {
            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }

            byte[] nonce = new byte[16];
            random.NextBytes(nonce);
            return Convert.ToBase64String(nonce);
        }

        /// <summary>The Sec-WebSocket-Accept a server must answer to <paramref name="key"/>: base64(SHA-1(key + GUID)).</summary>
        public static string ComputeAccept(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            return Convert.ToBase64String(Sha1.Hash(Utf8.GetBytes(key + AcceptGuid)));
        }

        /// <summary>
        /// The upgrade request: GET <paramref name="path"/> with Host, Upgrade, Connection, the key, version 13,
        /// the subprotocol, then <paramref name="extraHeaders"/> (for IoT Core, the custom-authorizer headers).
        /// </summary>
        public static HttpRequest CreateRequest(string host, string path, string key, string subprotocol, HttpHeaders extraHeaders)
        {
            HttpRequest request = new HttpRequest(host, path);
            request.Connection = HttpRequest.ConnectionUpgrade;
            request.Headers.Add("Upgrade", "websocket");
            request.Headers.Add("Sec-WebSocket-Key", key);
            request.Headers.Add("Sec-WebSocket-Version", "13");
            request.Headers.Add("Sec-WebSocket-Protocol", subprotocol);
            if (extraHeaders != null)
            {
                for (int i = 0; i < extraHeaders.Count; i++)
                {
                    request.Headers.Add(extraHeaders.NameAt(i), extraHeaders.ValueAt(i));
                }
            }

            return request;
        }

        /// <summary>
        /// Checks the server's answer as section 4.1 requires: status 101, "Upgrade: websocket", a Connection
        /// holding "upgrade", the expected accept value, no extension (none was offered) and no subprotocol
        /// other than the one requested.
        /// </summary>
        /// <exception cref="WebSocketException">The server refused or answered wrongly; a refusal carries its HTTP status.</exception>
        public static void Verify(HttpResponse head, string key, string subprotocol)
        {
            if (head == null)
            {
                throw new ArgumentNullException(nameof(head));
            }

            if (head.StatusCode != 101)
            {
                throw new WebSocketException("upgrade refused: " + head.StatusCode + " " + head.ReasonPhrase, 0, head.StatusCode);
            }

            HttpHeaders headers = head.Headers;
            string upgrade = headers.Get("Upgrade");
            if (upgrade == null || !AsciiText.EqualsIgnoreCase(upgrade, "websocket"))
            {
                throw new WebSocketException("101 without \"Upgrade: websocket\"", 0, 0);
            }

            if (!headers.HasToken("Connection", "upgrade"))
            {
                throw new WebSocketException("101 without \"Connection: Upgrade\"", 0, 0);
            }

            string accept = headers.Get("Sec-WebSocket-Accept");
            if (accept == null || accept != ComputeAccept(key))
            {
                throw new WebSocketException("Sec-WebSocket-Accept does not match the key sent", 0, 0);
            }

            if (headers.Contains("Sec-WebSocket-Extensions"))
            {
                throw new WebSocketException("the server chose an extension although none was offered", 0, 0);
            }

            string protocol = headers.Get("Sec-WebSocket-Protocol");
            if (protocol != null && protocol != subprotocol)
            {
                throw new WebSocketException("the server chose subprotocol \"" + protocol + "\", not \"" + subprotocol + "\"", 0, 0);
            }
        }
    }
}
