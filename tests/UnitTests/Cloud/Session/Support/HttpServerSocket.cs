namespace CellularIot.Tests.Cloud.Session.Support
{
    using CellularIot.Tests.Support;

    /// <summary>
    /// An HTTP server behind a secure socket that answers the first request head with a fixed response and then
    /// closes, as 1NCE's onboarding API (<c>Connection: close</c>) or an IoT Core endpoint refusing an upgrade does.
    /// </summary>
    public sealed class HttpServerSocket : ServerSocket
    {
        private readonly string response;
        private bool answered;

        public HttpServerSocket(ManualClock clock, string response)
            : base(clock)
        {
            this.response = response;
        }

        /// <summary>A response with <paramref name="status"/>, a text body and Content-Length, closing the connection.</summary>
        public static string Response(string status, string contentType, string body)
        {
            return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.Length
                + "\r\nConnection: close\r\n\r\n" + body;
        }

        protected override void OnReceived(byte[] buffer, int offset, int count)
        {
            if (answered || !SentText.Contains("\r\n\r\n"))
            {
                return;
            }

            answered = true;
            Answer(response);
            CloseFromPeer();
        }
    }
}
