namespace CellularIot.Net.Http
{
    using CellularIot.Text;

    /// <summary>
    /// Takes apart the lines of a response head as RFC 9112 writes them: the status line and header fields. Anything
    /// else is refused with a <see cref="HttpException"/> that shows the line (printable part only).
    /// </summary>
    internal static class HttpHeadParser
    {
        /// <summary>The reason phrase of a status line of <paramref name="length"/> bytes, empty when it has none.</summary>
        public static string ReasonPhrase(byte[] line, int length)
        {
            return length > 13 ? AsciiText.Latin1(line, 13, length - 13) : string.Empty;
        }

        /// <summary>"HTTP/1.x NNN" then, optionally, a space and a reason phrase: exactly the RFC 9112 status-line.</summary>
        public static void ParseStatusLine(HttpInput input, int length, out int minor, out int status)
        {
            byte[] line = input.Line;
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
                throw new HttpException(HttpError.MalformedStatusLine, "not a status line: \"" + input.Printable(length) + "\"");
            }

            minor = line[7] - '0';
            status = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
            if (status < 100)
            {
                throw new HttpException(HttpError.MalformedStatusLine, "status code " + status + " is below 100");
            }
        }

        /// <summary>Adds the header field in the input's line of <paramref name="length"/> bytes to <paramref name="headers"/>.</summary>
        public static void AddHeader(HttpInput input, HttpHeaders headers, int length)
        {
            byte[] line = input.Line;
            if (line[0] == ' ' || line[0] == '\t')
            {
                throw new HttpException(HttpError.MalformedHeader, "obsolete line folding in header \"" + input.Printable(length) + "\"");
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
                    throw new HttpException(HttpError.MalformedHeader, "invalid header name in \"" + input.Printable(length) + "\"");
                }
            }

            if (colon <= 0)
            {
                throw new HttpException(HttpError.MalformedHeader, "header line without a name and ':' \"" + input.Printable(length) + "\"");
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

        /// <summary>Space or horizontal tab: the optional whitespace (OWS, BWS) of RFC 9110 and 9112.</summary>
        public static bool IsBlank(byte b)
        {
            return b == ' ' || b == '\t';
        }

        private static bool IsDigit(byte b)
        {
            return b >= '0' && b <= '9';
        }
    }
}
