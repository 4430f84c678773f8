namespace CellularIot.Net.Http
{
    using System;

    /// <summary>
    /// Hard limits and timeouts for reading one HTTP response. A server (or anything that answers in its
    /// place) can never make the reader allocate more than these limits or wait longer than these timeouts.
    /// </summary>
    public class HttpSettings
    {
        private int maxHeaderBytes = 8192;
        private int maxHeaderLineBytes = 2048;
        private int maxHeaderCount = 64;
        private int maxBodyBytes = 16384;
        private int readTimeoutMs = 30000;
        private int overallTimeoutMs = 90000;

        /// <summary>Most bytes of the status line and headers together (and, separately, of chunked trailers).</summary>
        public int MaxHeaderBytes
        {
            get { return maxHeaderBytes; }
            set { maxHeaderBytes = Positive(value, nameof(MaxHeaderBytes)); }
        }

        /// <summary>Longest single head line, line end included; also the size of the read buffer.</summary>
        public int MaxHeaderLineBytes
        {
            get { return maxHeaderLineBytes; }
            set { maxHeaderLineBytes = Positive(value, nameof(MaxHeaderLineBytes)); }
        }

        /// <summary>Most header fields in one response.</summary>
        public int MaxHeaderCount
        {
            get { return maxHeaderCount; }
            set { maxHeaderCount = Positive(value, nameof(MaxHeaderCount)); }
        }

        /// <summary>Largest body accepted, whatever its framing.</summary>
        public int MaxBodyBytes
        {
            get { return maxBodyBytes; }
            set { maxBodyBytes = Positive(value, nameof(MaxBodyBytes)); }
        }

        /// <summary>Longest wait for the next bytes.</summary>
        public int ReadTimeoutMs
        {
            get { return readTimeoutMs; }
            set { readTimeoutMs = Positive(value, nameof(ReadTimeoutMs)); }
        }

        /// <summary>Longest time for the whole response, from the first read to the last body byte.</summary>
        public int OverallTimeoutMs
        {
            get { return overallTimeoutMs; }
            set { overallTimeoutMs = Positive(value, nameof(OverallTimeoutMs)); }
        }

        private static int Positive(int value, string name)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, "must be positive");
            }

            return value;
        }
    }
}
