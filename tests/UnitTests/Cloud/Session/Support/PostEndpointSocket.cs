namespace CellularIot.Tests.Cloud.Session.Support
{
    using System.Collections;
    using CellularIot.Bytes;
    using CellularIot.Tests.Support;

    /// <summary>
    /// IoT Core's HTTPS endpoint behind a secure socket: it frames each request (head, then a body of its
    /// Content-Length), keeps it, and answers with the next scripted response, or 200 with AWS's
    /// <c>{"message":"OK","traceId":...}</c> when none is left, keeping the connection open.
    /// </summary>
    public sealed class PostEndpointSocket : ServerSocket
    {
        private readonly ArrayList script = new ArrayList();
        private string pending = string.Empty;

        public PostEndpointSocket(ManualClock clock)
            : base(clock)
        {
        }

        /// <summary>Every request received, whole, in order.</summary>
        public ArrayList Requests { get; } = new ArrayList();

        /// <summary>A response with <paramref name="status"/> ("413 Payload Too Large") and AWS's JSON body.</summary>
        public static string Response(string status, string message)
        {
            string body = "{\"message\":\"" + message + "\",\"traceId\":\"2fa1742f\"}";
            return "HTTP/1.1 " + status + "\r\ncontent-type: application/json\r\ncontent-length: " + body.Length + "\r\nconnection: keep-alive\r\n\r\n" + body;
        }

        /// <summary>Answers the next request with <paramref name="response"/>.</summary>
        public void Then(string response)
        {
            script.Add(response);
        }

        /// <summary>The body of request <paramref name="index"/>.</summary>
        public string BodyOf(int index)
        {
            string request = (string)Requests[index];
            return request.Substring(request.IndexOf("\r\n\r\n") + 4);
        }

        protected override void OnReceived(byte[] buffer, int offset, int count)
        {
            pending += Utf8.Decode(buffer, offset, count);
            int headEnd = pending.IndexOf("\r\n\r\n");
            int lengthAt = pending.IndexOf("Content-Length: ");
            if (headEnd < 0 || lengthAt < 0)
            {
                return;
            }

            int lengthEnd = pending.IndexOf("\r\n", lengthAt);
            int length = int.Parse(pending.Substring(lengthAt + 16, lengthEnd - lengthAt - 16));
            if (pending.Length < headEnd + 4 + length)
            {
                return;
            }

            Requests.Add(pending.Substring(0, headEnd + 4 + length));
            pending = pending.Substring(headEnd + 4 + length);
            string answer = script.Count > 0 ? (string)script[0] : Response("200 OK", "OK");
            if (script.Count > 0)
            {
                script.RemoveAt(0);
            }

            Answer(answer);
        }
    }
}
