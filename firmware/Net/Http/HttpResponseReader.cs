namespace CellularIot.Net.Http
{
    using System;
    using CellularIot.Support;

    /// <summary>
    /// Reads HTTP/1.1 responses from a <see cref="TransportReader"/>: the status line, headers, and a body
    /// framed by chunked transfer coding, by Content-Length, or by the end of the connection. Every length
    /// the server announces is checked against <see cref="HttpSettings"/> before anything is allocated, and
    /// every wait is bounded by the per-read and the overall timeout on the monotonic clock. The head's lines
    /// are taken apart by <see cref="HttpHeadParser"/>, the body is read by <see cref="HttpBodyReader"/>, both
    /// through the bounded reads of <see cref="HttpInput"/>.
    /// </summary>
    public class HttpResponseReader
    {
        private readonly HttpSettings settings;
        private readonly HttpInput input;
        private readonly HttpBodyReader bodies;

        /// <summary>Creates a reader; <paramref name="reader"/>'s capacity bounds the longest line.</summary>
        public HttpResponseReader(TransportReader reader, IClock clock, HttpSettings settings)
        {
            if (reader == null)
            {
                throw new ArgumentNullException(nameof(reader));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            this.settings = settings;
            input = new HttpInput(reader, clock, settings);
            bodies = new HttpBodyReader(input, settings);
        }

        /// <summary>
        /// Reads only a status line and headers, leaving whatever follows in the transport reader (the
        /// WebSocket upgrade needs exactly this: frames may follow the 101 head at once).
        /// </summary>
        /// <exception cref="HttpException">The head is malformed, too big, cut off or late.</exception>
        public HttpResponse ReadHead()
        {
            input.Start();
            return ReadHeadWithinBudget();
        }

        /// <summary>
        /// Reads a whole response. Interim 1xx responses (other than 101) are skipped; they count against the
        /// same header budget, so a flood of them ends with <see cref="HttpError.HeaderTooBig"/>.
        /// </summary>
        /// <exception cref="HttpException">The response is malformed, over a limit, cut off or late.</exception>
        public HttpResponse ReadResponse()
        {
            input.Start();
            HttpResponse head = ReadHeadWithinBudget();
            while (head.StatusCode < 200 && head.StatusCode != 101)
            {
                head = ReadHeadWithinBudget();
            }

            byte[] content = bodies.Read(head);
            return new HttpResponse(head.MinorVersion, head.StatusCode, head.ReasonPhrase, head.Headers, content);
        }

        private HttpResponse ReadHeadWithinBudget()
        {
            int length = input.ReadHeadLine("status line");
            int minor;
            int status;
            HttpHeadParser.ParseStatusLine(input, length, out minor, out status);
            string reason = HttpHeadParser.ReasonPhrase(input.Line, length);
            HttpHeaders headers = new HttpHeaders();
            while (true)
            {
                length = input.ReadHeadLine("header");
                if (length == 0)
                {
                    return new HttpResponse(minor, status, reason, headers, null);
                }

                if (headers.Count == settings.MaxHeaderCount)
                {
                    throw new HttpException(HttpError.HeaderTooBig, "more than " + settings.MaxHeaderCount + " header fields");
                }

                HttpHeadParser.AddHeader(input, headers, length);
            }
        }
    }
}
