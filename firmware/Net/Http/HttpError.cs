namespace CellularIot.Net.Http
{
    /// <summary>What went wrong while reading an HTTP response.</summary>
    public enum HttpError
    {
        /// <summary>The first line is not "HTTP/1.x NNN reason".</summary>
        MalformedStatusLine = 1,

        /// <summary>A header line is not "name: value" (or uses obsolete line folding).</summary>
        MalformedHeader = 2,

        /// <summary>The status line and headers (or trailers) exceed the byte, line or count limit.</summary>
        HeaderTooBig = 3,

        /// <summary>The body exceeds the byte limit, or announces that it will.</summary>
        BodyTooBig = 4,

        /// <summary>A chunk size line is not hexadecimal, or chunk data is not followed by a line end.</summary>
        BadChunkSize = 5,

        /// <summary>Content-Length is not a decimal number, or several disagree.</summary>
        BadContentLength = 6,

        /// <summary>The connection ended before the response was complete.</summary>
        PrematureClose = 7,

        /// <summary>No data for the per-read timeout, or no complete response within the overall timeout.</summary>
        Timeout = 8,
    }
}
