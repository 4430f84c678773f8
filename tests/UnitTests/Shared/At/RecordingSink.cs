namespace CellularIot.Tests.At
{
    using System.Collections;
    using CellularIot.At;
    using CellularIot.Bytes;

    /// <summary>
    /// Records what a <see cref="LineFramer"/> hands on, as text: "L:line", "P" (prompt), "R:raw" (one entry per
    /// raw block, pieces joined, CR and LF shown as \r and \n) and "E" (end of raw block).
    /// </summary>
    public sealed class RecordingSink : ILineSink
    {
        private readonly ArrayList events = new ArrayList();
        private string raw;

        /// <summary>The framer, so that the sink can start raw blocks after a line.</summary>
        public LineFramer Framer { get; set; }

        /// <summary>A line starting with this announces a raw block after its line end (like +CFSRFILE).</summary>
        public string AfterLinePrefix { get; set; }

        /// <summary>The inline prefix's length, so the announced length can be read (like +CARECV).</summary>
        public int InlinePrefixLength { get; set; }

        public int Count
        {
            get { return events.Count; }
        }

        public string this[int index]
        {
            get { return (string)events[index]; }
        }

        public string Joined
        {
            get
            {
                string all = string.Empty;
                foreach (string e in events)
                {
                    all += e + "|";
                }

                return all;
            }
        }

        public void OnLine(byte[] line, int count)
        {
            string text = Utf8.Decode(line, 0, count);
            events.Add("L:" + text);
            if (AfterLinePrefix != null && text.StartsWith(AfterLinePrefix))
            {
                Framer.BeginRaw(int.Parse(text.Substring(AfterLinePrefix.Length)));
            }
        }

        public int OnInlineRawHeader(byte[] line, int count, bool final)
        {
            int announced;
            return AsciiInt.TryParse(line, InlinePrefixLength, count - 1 - InlinePrefixLength, out announced) ? announced : -1;
        }

        public void OnRaw(byte[] data, int offset, int count)
        {
            string piece = Utf8.Decode(data, offset, count);
            raw = raw == null ? piece : raw + piece;
        }

        public void OnRawEnd()
        {
            events.Add("R:" + Escape(raw));
            events.Add("E");
            raw = null;
        }

        public void OnPrompt()
        {
            events.Add("P");
        }

        private static string Escape(string text)
        {
            if (text == null)
            {
                return string.Empty;
            }

            string escaped = string.Empty;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                escaped += c == '\r' ? "\\r" : c == '\n' ? "\\n" : c.ToString();
            }

            return escaped;
        }
    }
}
