namespace CellularIot.Net.Http
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Text;

    /// <summary>
    /// Reads a response body as its head frames it (RFC 9112 6.3): chunked transfer coding, Content-Length, or the
    /// end of the connection. Every length the server announces is checked against <see cref="HttpSettings.MaxBodyBytes"/>
    /// before anything is allocated.
    /// </summary>
    internal sealed class HttpBodyReader
    {
        private const int MaxChunkLineBytes = 256;
        private const int UntilCloseReadBytes = 512;

        private readonly HttpInput input;
        private readonly HttpSettings settings;
        private byte[] body;
        private int bodyLength;

        public HttpBodyReader(HttpInput input, HttpSettings settings)
        {
            this.input = input;
            this.settings = settings;
        }

        /// <summary>The body that follows <paramref name="head"/>: null for a status that has none, else exactly its bytes.</summary>
        public byte[] Read(HttpResponse head)
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

            body = null;
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
                have += input.ReadSome(exact, have, exact.Length - have, "the body", false);
            }

            return exact;
        }

        private void ReadChunked()
        {
            while (true)
            {
                int length = input.ReadLine(MaxChunkLineBytes, HttpError.BadChunkSize, "chunk size line");
                int size = ParseChunkSize(length);
                if (size == 0)
                {
                    break;
                }

                Reserve(size);
                int end = bodyLength + size;
                while (bodyLength < end)
                {
                    bodyLength += input.ReadSome(body, bodyLength, end - bodyLength, "chunk data", false);
                }

                if (input.ReadLine(2, HttpError.BadChunkSize, "line end after chunk data") != 0)
                {
                    throw new HttpException(HttpError.BadChunkSize, "chunk data longer than its size");
                }
            }

            // Trailer fields are read (bounded like the head) and dropped: nothing here needs them.
            input.ResetHeadBudget();
            while (input.ReadHeadLine("trailer") != 0)
            {
            }
        }

        // The size is hexadecimal, optionally followed by ";extension"; whitespace may precede the ';'.
        private int ParseChunkSize(int length)
        {
            int end = 0;
            while (end < length && input.Line[end] != ';')
            {
                end++;
            }

            while (end > 0 && HttpHeadParser.IsBlank(input.Line[end - 1]))
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
                int nibble = Hex.NibbleOf(input.Line[i]);
                if (nibble < 0)
                {
                    throw new HttpException(HttpError.BadChunkSize, "chunk size \"" + input.Printable(end) + "\" is not hexadecimal");
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
                throw new HttpException(HttpError.BodyTooBig, "chunk of " + input.Printable(end) + " (hex) bytes exceeds the body limit of " + settings.MaxBodyBytes + " bytes");
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
                    got = input.ReadSome(probe, 0, 1, "the body", true);
                    if (got < 0)
                    {
                        return;
                    }

                    throw new HttpException(HttpError.BodyTooBig, "body longer than the limit of " + settings.MaxBodyBytes + " bytes");
                }

                int want = room < UntilCloseReadBytes ? room : UntilCloseReadBytes;
                Reserve(want);
                got = input.ReadSome(body, bodyLength, want, "the body", true);
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
    }
}
