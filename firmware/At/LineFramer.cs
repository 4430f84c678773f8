namespace CellularIot.At
{
    using System;

    /// <summary>
    /// Cuts the modem's byte stream into lines in one buffer allocated up front. A line ends at CR, LF or any
    /// run of them, so CR LF, LF, CR and LF CR all work and empty lines vanish. A line longer than the buffer is
    /// discarded up to its end and counted: memory never grows with input. On request it also recognises the
    /// <c>&gt;</c> prompt (which has no line end) and hands on length-prefixed raw blocks, which may hold CR
    /// and LF, without looking at them. Not thread-safe: the channel's reader is its only caller.
    /// </summary>
    public sealed class LineFramer
    {
        private const byte Cr = 13;
        private const byte Lf = 10;

        private readonly byte[] line;
        private readonly ILineSink sink;
        private int length;
        private bool discarding;
        private bool lastWasCr;
        private int rawRemaining;
        private bool rawSkipLf;
        private bool promptArmed;
        private bool skipPromptSpace;
        private byte[] inlineRawPrefix;
        private int droppedLines;

        /// <summary>Creates a framer whose lines hold at most <paramref name="lineCapacity"/> bytes.</summary>
        public LineFramer(int lineCapacity, ILineSink sink)
        {
            if (lineCapacity < 8)
            {
                throw new ArgumentOutOfRangeException(nameof(lineCapacity), "a line must hold at least 8 bytes");
            }

            if (sink == null)
            {
                throw new ArgumentNullException(nameof(sink));
            }

            line = new byte[lineCapacity];
            this.sink = sink;
        }

        /// <summary>Longest line kept; longer ones are dropped.</summary>
        public int LineCapacity
        {
            get { return line.Length; }
        }

        /// <summary>Lines dropped for being longer than <see cref="LineCapacity"/>.</summary>
        public int DroppedLines
        {
            get { return droppedLines; }
        }

        /// <summary>Makes a <c>&gt;</c> at the start of a line count as the prompt (until it arrives or is disarmed).</summary>
        public void ArmPrompt(bool armed)
        {
            promptArmed = armed;
        }

        /// <summary>
        /// Asks for <see cref="ILineSink.OnInlineRawHeader"/> when a line that starts with <paramref name="prefix"/>
        /// reaches a comma; null disarms.
        /// </summary>
        public void ArmInlineRaw(byte[] prefix)
        {
            inlineRawPrefix = prefix;
        }

        /// <summary>
        /// Treats the next <paramref name="count"/> bytes as raw. Called from <see cref="ILineSink.OnLine"/>: the
        /// block starts after the line end of the line being handled (the LF of its CR LF is skipped).
        /// </summary>
        public void BeginRaw(int count)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "raw length cannot be negative");
            }

            rawRemaining = count;
            rawSkipLf = count > 0 && lastWasCr;
        }

        /// <summary>
        /// Ends a raw block before its announced length: the bytes still owed are not coming (some were lost on the
        /// way), so whatever arrives next is lines again rather than the start of the next answer eaten as data.
        /// </summary>
        public void CancelRaw()
        {
            rawRemaining = 0;
            rawSkipLf = false;
        }

        /// <summary>Consumes received bytes, calling the sink for every line, prompt and raw piece they complete.</summary>
        public void Feed(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "range outside the array");
            }

            int at = offset;
            int end = offset + count;
            while (at < end)
            {
                if (rawRemaining > 0)
                {
                    at = FeedRaw(data, at, end);
                    continue;
                }

                byte b = data[at++];
                if (b == Cr || b == Lf)
                {
                    EndLine(b == Cr);
                    continue;
                }

                lastWasCr = false;
                if (skipPromptSpace)
                {
                    skipPromptSpace = false;
                    if (b == (byte)' ')
                    {
                        continue;
                    }
                }

                if (discarding)
                {
                    continue;
                }

                if (promptArmed && length == 0 && b == (byte)'>')
                {
                    promptArmed = false;
                    skipPromptSpace = true;
                    sink.OnPrompt();
                    continue;
                }

                if (length == line.Length)
                {
                    // Too long to keep: drop what is held and everything up to the line end.
                    discarding = true;
                    length = 0;
                    droppedLines++;
                    continue;
                }

                line[length++] = b;
                if (b == (byte)',' && inlineRawPrefix != null)
                {
                    TryInlineRaw();
                }
            }
        }

        private int FeedRaw(byte[] data, int at, int end)
        {
            if (rawSkipLf)
            {
                rawSkipLf = false;
                if (data[at] == Lf)
                {
                    return at + 1;
                }
            }

            int piece = end - at < rawRemaining ? end - at : rawRemaining;
            rawRemaining -= piece;
            sink.OnRaw(data, at, piece);
            if (rawRemaining == 0)
            {
                lastWasCr = false;
                sink.OnRawEnd();
            }

            return at + piece;
        }

        private void EndLine(bool byCr)
        {
            lastWasCr = byCr;
            skipPromptSpace = false;
            if (discarding)
            {
                discarding = false;
                return;
            }

            if (length > 0)
            {
                int count = length;
                length = 0;
                sink.OnLine(line, count);
            }
        }

        private void TryInlineRaw()
        {
            if (!AtText.StartsWith(line, 0, length, inlineRawPrefix))
            {
                return;
            }

            int announced = sink.OnInlineRawHeader(line, length);
            if (announced < 0)
            {
                return;
            }

            length = 0;
            rawRemaining = announced;
            rawSkipLf = false;
            if (announced == 0)
            {
                sink.OnRawEnd();
            }
        }
    }
}
