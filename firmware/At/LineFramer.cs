namespace CellularIot.At
{
    using System;

    /// <summary>
    /// Cuts the modem's byte stream into lines in one buffer allocated up front. A line ends at CR, LF or any
    /// run of them, so CR LF, LF, CR and LF CR all work and empty lines vanish. A line longer than the buffer is
    /// discarded up to its end and counted: memory never grows with input. Modem text is printable ASCII, so
    /// noise outside raw blocks (0x00, 0xFF and other control or high bytes a module sends after power-up or a
    /// baud change) is dropped and counted rather than kept in a line. On request it also recognises the
    /// <c>&gt;</c> prompt (which has no line end) and hands on length-prefixed raw blocks, which may hold CR
    /// and LF, without looking at them. Not thread-safe: the channel's reader is its only caller.
    /// </summary>
    public sealed class LineFramer
    {
        /// <summary>
        /// What <see cref="ILineSink.OnInlineRawHeader"/> returns when the header may carry one more number before
        /// the length (<c>+CARECV: &lt;cid&gt;,&lt;len&gt;,</c>): the framer asks again at the next comma, or, when a
        /// byte other than a digit comes first, once more with <c>final</c> set for the header it has.
        /// </summary>
        public const int AwaitNextField = -2;

        private const byte Cr = 13;
        private const byte Lf = 10;
        private const int MaxHeaderDigits = 5;

        private readonly byte[] line;
        private readonly ILineSink sink;
        private readonly byte[] single = new byte[1];
        private int length;
        private bool discarding;
        private bool lastWasCr;
        private int rawRemaining;
        private bool rawSkipLf;
        private bool promptArmed;
        private bool skipPromptSpace;
        private byte[] inlineRawPrefix;
        private int pendingFieldStart = -1;
        private int droppedLines;
        private int noiseBytes;

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

        /// <summary>Bytes outside raw blocks that cannot be modem text (control bytes other than CR and LF, bytes above 0x7E), dropped.</summary>
        public int NoiseBytes
        {
            get { return noiseBytes; }
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
            pendingFieldStart = -1;
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
            pendingFieldStart = -1;
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

                if (pendingFieldStart >= 0 && !ContinuesHeader(b))
                {
                    // Not a second number: the header ended at the earlier comma, and what followed it is data.
                    at--;
                    EndHeaderAtPendingComma();
                    continue;
                }

                if (b < 0x20 || b > 0x7E)
                {
                    noiseBytes++;
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

            if (pendingFieldStart >= 0 && length - pendingFieldStart == 1 && line[pendingFieldStart] == (byte)'0')
            {
                // "<id>,0" and its line end: an empty read in the form that names the id; a plain line.
                pendingFieldStart = -1;
            }
            else if (pendingFieldStart >= 0)
            {
                // A line end right after the header: the bytes since its comma were data, and so is this one.
                EndHeaderAtPendingComma();
                if (rawRemaining > 0)
                {
                    FeedRawByte(byCr ? Cr : Lf);
                    return;
                }
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

            int announced = sink.OnInlineRawHeader(line, length, false);
            if (announced == AwaitNextField && pendingFieldStart < 0)
            {
                pendingFieldStart = length;
                return;
            }

            pendingFieldStart = -1;
            StartInlineRaw(announced);
        }

        private bool ContinuesHeader(byte b)
        {
            return (b == (byte)',' || (b >= (byte)'0' && b <= (byte)'9')) && length - pendingFieldStart < MaxHeaderDigits;
        }

        // The header was complete at its first comma: asks the sink for the length it gives that header, then hands
        // the bytes taken since as the start of the block.
        private void EndHeaderAtPendingComma()
        {
            int fieldStart = pendingFieldStart;
            int held = length - fieldStart;
            pendingFieldStart = -1;
            int announced = sink.OnInlineRawHeader(line, fieldStart, true);
            if (announced < 0)
            {
                return;
            }

            byte[] taken = new byte[held];
            Array.Copy(line, fieldStart, taken, 0, held);
            StartInlineRaw(announced);
            for (int i = 0; i < held; i++)
            {
                FeedOne(taken[i]);
            }
        }

        private void StartInlineRaw(int announced)
        {
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

        private void FeedOne(byte b)
        {
            if (rawRemaining > 0)
            {
                FeedRawByte(b);
                return;
            }

            single[0] = b;
            Feed(single, 0, 1);
        }

        private void FeedRawByte(byte b)
        {
            single[0] = b;
            FeedRaw(single, 0, 1);
        }
    }
}
