namespace CellularIot.Net.Http
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Support;
    using CellularIot.Text;

    /// <summary>
    /// Reads HTTP/1.1 responses from a <see cref="TransportReader"/>: the status line, headers, and a body
    /// framed by chunked transfer coding, by Content-Length, or by the end of the connection. Every length
    /// the server announces is checked against <see cref="HttpSettings"/> before anything is allocated, and
    /// every wait is bounded by the per-read and the overall timeout on the monotonic clock.
    /// </summary>
    public class HttpResponseReader
    {
        private const int MaxChunkLineBytes = 256;
        private const int UntilCloseReadBytes = 512;

        private readonly TransportReader reader;
        private readonly IClock clock;
        private readonly HttpSettings settings;
        private readonly byte[] line;
        private long deadlineMs;
        private int headBudget;
        private byte[] body;
        private int bodyLength;
        private int lastLineBytes;

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

            this.reader = reader;
            this.clock = clock;
            this.settings = settings;
            line = new byte[reader.Capacity];
        }

        /// <summary>
        /// Reads only a status line and headers, leaving whatever follows in the transport reader (the
        /// WebSocket upgrade needs exactly this: frames may follow the 101 head at once).
        /// </summary>
        /// <exception cref="HttpException">The head is malformed, too big, cut off or late.</exception>
        public HttpResponse ReadHead()
        {
            Start();
            return ReadHeadWithinBudget();
        }

        /// <summary>
        /// Reads a whole response. Interim 1xx responses (other than 101) are skipped; they count against the
        /// same header budget, so a flood of them ends with <see cref="HttpError.HeaderTooBig"/>.
        /// </summary>
        /// <exception cref="HttpException">The response is malformed, over a limit, cut off or late.</exception>
        public HttpResponse ReadResponse()
        {
            Start();
            HttpResponse head = ReadHeadWithinBudget();
            while (head.StatusCode < 200 && head.StatusCode != 101)
            {
                head = ReadHeadWithinBudget();
            }

            byte[] content = ReadBody(head);
            return new HttpResponse(head.MinorVersion, head.StatusCode, head.ReasonPhrase, head.Headers, content);
        }

        private void Start()
        {
            deadlineMs = clock.MonotonicMs + settings.OverallTimeoutMs;
            headBudget = settings.MaxHeaderBytes;
        }

        private HttpResponse ReadHeadWithinBudget()
        {
            int length = ReadHeadLine("status line");
            int minor;
            int status;
            ParseStatusLine(length, out minor, out status);
            string reason = length > 13 ? AsciiText.Latin1(line, 13, length - 13) : string.Empty;
            HttpHeaders headers = new HttpHeaders();
            while (true)
            {
                length = ReadHeadLine("header");
                if (length == 0)
                {
                    return new HttpResponse(minor, status, reason, headers, null);
                }

                if (headers.Count == settings.MaxHeaderCount)
                {
                    throw new HttpException(HttpError.HeaderTooBig, "more than " + settings.MaxHeaderCount + " header fields");
                }

                AddHeader(headers, length);
            }
        }

        // "HTTP/1.x NNN" then, optionally, a space and a reason phrase: exactly the RFC 9112 status-line.
        private void ParseStatusLine(int length, out int minor, out int status)
        {
            minor = 0;
            status = 0;
            bool valid = length >= 12 && line[0] == 'H' && line[1] == 'T' && line[2] == 'T' && line[3] == 'P'
                && line[4] == '/' && line[5] == '1' && line[6] == '.' && IsDigit(line[7]) && line[8] == ' '
                && IsDigit(line[9]) && IsDigit(line[10]) && IsDigit(line[11]) && (length == 12 || line[12] == ' ');
            for (int i = 13; valid && i < length; i++)
            {
                valid = line[i] >= ' ' || line[i] == '\t';
            }

            if (!valid)
            {
                throw new HttpException(HttpError.MalformedStatusLine, "not a status line: \"" + Printable(length) + "\"");
            }

            minor = line[7] - '0';
            status = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
            if (status < 100)
            {
                throw new HttpException(HttpError.MalformedStatusLine, "status code " + status + " is below 100");
            }
        }

        private void AddHeader(HttpHeaders headers, int length)
        {
            if (line[0] == ' ' || line[0] == '\t')
            {
                throw new HttpException(HttpError.MalformedHeader, "obsolete line folding in header \"" + Printable(length) + "\"");
            }

            int colon = -1;
            for (int i = 0; i < length && colon < 0; i++)
            {
                byte b = line[i];
                if (b == ':')
                {
                    colon = i;
                }
                else if (!HttpTokenChars.IsTokenChar(b))
                {
                    throw new HttpException(HttpError.MalformedHeader, "invalid header name in \"" + Printable(length) + "\"");
                }
            }

            if (colon <= 0)
            {
                throw new HttpException(HttpError.MalformedHeader, "header line without a name and ':' \"" + Printable(length) + "\"");
            }

            int valueStart = colon + 1;
            int valueEnd = length;
            while (valueStart < valueEnd && IsBlank(line[valueStart]))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && IsBlank(line[valueEnd - 1]))
            {
                valueEnd--;
            }

            for (int i = valueStart; i < valueEnd; i++)
            {
                if ((line[i] < ' ' && line[i] != '\t') || line[i] == 0x7F)
                {
                    throw new HttpException(HttpError.MalformedHeader, "control character in header value of " + AsciiText.Latin1(line, 0, colon));
                }
            }

            headers.Add(AsciiText.Latin1(line, 0, colon), AsciiText.Latin1(line, valueStart, valueEnd - valueStart));
        }

        private byte[] ReadBody(HttpResponse head)
        {
            int status = head.StatusCode;
            if (status < 200 || status == 204 || status == 304)
            {
                return null;
            }

            body = null;
            bodyLength = 0;
            string transferEncoding = head.Headers.GetCombined("Transfer-Encoding");
            if (transferEncoding != null)
            {
                // RFC 9112 6.3: Transfer-Encoding overrides Content-Length; only a final "chunked" frames the
                // body, any other coding runs until the connection closes.
                if (IsChunkedLast(transferEncoding))
                {
                    ReadChunked();
                }
                else
                {
                    ReadUntilClose();
                }
            }
            else
            {
                long contentLength = ContentLength(head.Headers);
                if (contentLength >= 0)
                {
                    return ReadExactly(contentLength);
                }

                ReadUntilClose();
            }

            byte[] exact = new byte[bodyLength];
            if (bodyLength > 0)
            {
                Array.Copy(body, 0, exact, 0, bodyLength);
            }

            return exact;
        }

        private static bool IsChunkedLast(string transferEncoding)
        {
            int comma = transferEncoding.LastIndexOf(',');
            string last = comma < 0 ? transferEncoding : transferEncoding.Substring(comma + 1);
            return AsciiText.EqualsIgnoreCase(last.Trim(), "chunked");
        }

        // -1 when there is no Content-Length. Repeated fields (or a list) must all carry the same number.
        private static long ContentLength(HttpHeaders headers)
        {
            string combined = headers.GetCombined("Content-Length");
            if (combined == null)
            {
                return -1;
            }

            long value = -1;
            string[] items = combined.Split(',');
            for (int i = 0; i < items.Length; i++)
            {
                string item = items[i].Trim();
                byte[] digits = Utf8.GetBytes(item);
                long parsed;
                if (digits.Length == 0 || digits.Length > 18 || digits[0] == '+' || digits[0] == '-'
                    || !AsciiInt.TryParse(digits, 0, digits.Length, out parsed))
                {
                    throw new HttpException(HttpError.BadContentLength, "Content-Length \"" + combined + "\" is not a decimal number");
                }

                if (value >= 0 && parsed != value)
                {
                    throw new HttpException(HttpError.BadContentLength, "conflicting Content-Length values \"" + combined + "\"");
                }

                value = parsed;
            }

            return value;
        }

        private byte[] ReadExactly(long contentLength)
        {
            if (contentLength > settings.MaxBodyBytes)
            {
                throw new HttpException(HttpError.BodyTooBig, "Content-Length " + contentLength + " exceeds the limit of " + settings.MaxBodyBytes + " bytes");
            }

            byte[] exact = new byte[(int)contentLength];
            int have = 0;
            while (have < exact.Length)
            {
                have += ReadSome(exact, have, exact.Length - have, "the body", false);
            }

            return exact;
        }

        private void ReadChunked()
        {
            while (true)
            {
                int length = ReadLine(MaxChunkLineBytes, HttpError.BadChunkSize, "chunk size line");
                int size = ParseChunkSize(length);
                if (size == 0)
                {
                    break;
                }

                Reserve(size);
                int end = bodyLength + size;
                while (bodyLength < end)
                {
                    bodyLength += ReadSome(body, bodyLength, end - bodyLength, "chunk data", false);
                }

                if (ReadLine(2, HttpError.BadChunkSize, "line end after chunk data") != 0)
                {
                    throw new HttpException(HttpError.BadChunkSize, "chunk data longer than its size");
                }
            }

            // Trailer fields are read (bounded like the head) and dropped: nothing here needs them.
            headBudget = settings.MaxHeaderBytes;
            while (ReadHeadLine("trailer") != 0)
            {
            }
        }

        // The size is hexadecimal, optionally followed by ";extension"; whitespace may precede the ';'.
        private int ParseChunkSize(int length)
        {
            int end = 0;
            while (end < length && line[end] != ';')
            {
                end++;
            }

            while (end > 0 && IsBlank(line[end - 1]))
            {
                end--;
            }

            if (end == 0)
            {
                throw new HttpException(HttpError.BadChunkSize, "empty chunk size line");
            }

            long size = 0;
            bool tooBig = false;
            for (int i = 0; i < end; i++)
            {
                int nibble = Hex.NibbleOf(line[i]);
                if (nibble < 0)
                {
                    throw new HttpException(HttpError.BadChunkSize, "chunk size \"" + Printable(end) + "\" is not hexadecimal");
                }

                // Stop accumulating once past the limit, so sixty hex digits cannot overflow anything.
                if (!tooBig)
                {
                    size = (size * 16) + nibble;
                    tooBig = size > settings.MaxBodyBytes;
                }
            }

            if (tooBig)
            {
                throw new HttpException(HttpError.BodyTooBig, "chunk of " + Printable(end) + " (hex) bytes exceeds the body limit of " + settings.MaxBodyBytes + " bytes");
            }

            return (int)size;
        }

        private void ReadUntilClose()
        {
            byte[] probe = new byte[1];
            while (true)
            {
                int room = settings.MaxBodyBytes - bodyLength;
                int got;
                if (room == 0)
                {
                    // At the limit: one more byte means too big, the close means the body fitted exactly.
                    got = ReadSome(probe, 0, 1, "the body", true);
                    if (got < 0)
                    {
                        return;
                    }

                    throw new HttpException(HttpError.BodyTooBig, "body longer than the limit of " + settings.MaxBodyBytes + " bytes");
                }

                int want = room < UntilCloseReadBytes ? room : UntilCloseReadBytes;
                Reserve(want);
                got = ReadSome(body, bodyLength, want, "the body", true);
                if (got < 0)
                {
                    return;
                }

                bodyLength += got;
            }
        }

        // Makes room for 'count' more body bytes, doubling the buffer but never beyond the limit.
        private void Reserve(int count)
        {
            int needed = bodyLength + count;
            if (needed > settings.MaxBodyBytes)
            {
                throw new HttpException(HttpError.BodyTooBig, "body longer than the limit of " + settings.MaxBodyBytes + " bytes");
            }

            if (body != null && body.Length >= needed)
            {
                return;
            }

            int size = body == null ? 256 : body.Length * 2;
            if (size < needed)
            {
                size = needed;
            }

            if (size > settings.MaxBodyBytes)
            {
                size = settings.MaxBodyBytes;
            }

            byte[] larger = new byte[size];
            if (bodyLength > 0)
            {
                Array.Copy(body, 0, larger, 0, bodyLength);
            }

            body = larger;
        }

        // A head line may be no longer than the line limit, nor than what is left of the head's byte budget.
        private int ReadHeadLine(string what)
        {
            if (headBudget <= 0)
            {
                throw new HttpException(HttpError.HeaderTooBig, "head larger than " + settings.MaxHeaderBytes + " bytes");
            }

            int limit = headBudget < settings.MaxHeaderLineBytes ? headBudget : settings.MaxHeaderLineBytes;
            int length = ReadLine(limit, HttpError.HeaderTooBig, what);
            headBudget -= lastLineBytes;
            return length;
        }

        // Reads one line into 'line' and returns its length without the line end (LF or CRLF).
        private int ReadLine(int maxBytes, HttpError tooLong, string what)
        {
            if (maxBytes > reader.Capacity)
            {
                maxBytes = reader.Capacity;
            }

            while (true)
            {
                int newline = reader.IndexOf((byte)'\n');
                if (newline >= 0 && newline < maxBytes)
                {
                    lastLineBytes = reader.Take(line, 0, newline + 1);
                    int length = newline;
                    if (length > 0 && line[length - 1] == '\r')
                    {
                        length--;
                    }

                    return length;
                }

                if (newline >= 0 || reader.Available >= maxBytes)
                {
                    throw new HttpException(tooLong, what + " longer than " + maxBytes + " bytes");
                }

                int wait = NextWait(what);
                int got;
                try
                {
                    got = reader.Fill(wait);
                }
                catch (TransportClosedException)
                {
                    throw new HttpException(HttpError.PrematureClose, "connection closed while reading the " + what);
                }

                if (got == 0)
                {
                    throw TimedOut(wait, what);
                }
            }
        }

        // Reads at least one byte; -1 when the connection closed and 'closeEndsBody' says that is the end.
        private int ReadSome(byte[] destination, int offset, int count, string what, bool closeEndsBody)
        {
            int wait = NextWait(what);
            int got;
            try
            {
                got = reader.Read(destination, offset, count, wait);
            }
            catch (TransportClosedException)
            {
                if (closeEndsBody)
                {
                    return -1;
                }

                throw new HttpException(HttpError.PrematureClose, "connection closed while reading " + what);
            }

            if (got == 0)
            {
                throw TimedOut(wait, what);
            }

            return got;
        }

        private int NextWait(string what)
        {
            long left = deadlineMs - clock.MonotonicMs;
            if (left <= 0)
            {
                throw new HttpException(HttpError.Timeout, "no complete response within " + settings.OverallTimeoutMs + " ms (reading " + what + ")");
            }

            return left < settings.ReadTimeoutMs ? (int)left : settings.ReadTimeoutMs;
        }

        private HttpException TimedOut(int waited, string what)
        {
            if (waited < settings.ReadTimeoutMs)
            {
                return new HttpException(HttpError.Timeout, "no complete response within " + settings.OverallTimeoutMs + " ms (reading " + what + ")");
            }

            return new HttpException(HttpError.Timeout, "no data for " + waited + " ms while reading " + what);
        }

        private string Printable(int length)
        {
            int shown = length < 64 ? length : 64;
            char[] chars = new char[shown];
            for (int i = 0; i < shown; i++)
            {
                byte b = line[i];
                chars[i] = b >= ' ' && b < 0x7F ? (char)b : '?';
            }

            return new string(chars) + (shown < length ? "..." : string.Empty);
        }

        private static bool IsDigit(byte b)
        {
            return b >= '0' && b <= '9';
        }

        private static bool IsBlank(byte b)
        {
            return b == ' ' || b == '\t';
        }

    }
}
