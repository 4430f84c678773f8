namespace CellularIot.Net.Http
{
    using CellularIot.Support;

    /// <summary>
    /// The bounded reads an HTTP response is made of: one line at a time into <see cref="Line"/> (no longer than a
    /// limit, and head lines no longer than what is left of the head's byte budget), or some body bytes. Every
    /// wait is bounded by the per-read timeout and by the whole response's deadline on the monotonic clock.
    /// </summary>
    internal sealed class HttpInput
    {
        private readonly TransportReader reader;
        private readonly IClock clock;
        private readonly HttpSettings settings;
        private readonly byte[] line;
        private long deadlineMs;
        private int headBudget;
        private int lastLineBytes;

        public HttpInput(TransportReader reader, IClock clock, HttpSettings settings)
        {
            this.reader = reader;
            this.clock = clock;
            this.settings = settings;
            line = new byte[reader.Capacity];
        }

        /// <summary>The last line read, without its line end.</summary>
        public byte[] Line
        {
            get { return line; }
        }

        /// <summary>Starts a response: the overall deadline runs from now, and the head's byte budget is full.</summary>
        public void Start()
        {
            deadlineMs = clock.MonotonicMs + settings.OverallTimeoutMs;
            ResetHeadBudget();
        }

        /// <summary>Fills the head's byte budget again (the trailer after a chunked body gets a budget of its own).</summary>
        public void ResetHeadBudget()
        {
            headBudget = settings.MaxHeaderBytes;
        }

        /// <summary>Reads a line of the head (status line, header or trailer field) and returns its length.</summary>
        /// <exception cref="HttpException">The line is longer than the line limit or than what is left of the budget.</exception>
        public int ReadHeadLine(string what)
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

        /// <summary>Reads one line into <see cref="Line"/> and returns its length without the line end (LF or CRLF).</summary>
        public int ReadLine(int maxBytes, HttpError tooLong, string what)
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

        /// <summary>Reads at least one byte; -1 when the connection closed and <paramref name="closeEndsBody"/> says that is the end.</summary>
        public int ReadSome(byte[] destination, int offset, int count, string what, bool closeEndsBody)
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

        /// <summary>The first <paramref name="length"/> bytes of <see cref="Line"/> (at most 64) for a message, non-printables as '?'.</summary>
        public string Printable(int length)
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
    }
}
