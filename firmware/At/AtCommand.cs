namespace CellularIot.At
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// One AT command and what its answer looks like: which lines belong to it (so that a URC with the same
    /// prefix is not taken for the answer), whether a result line follows its OK, whether a payload follows a
    /// prompt, whether a raw block is read, and its own timeout. The text is built in a fixed buffer, so a
    /// command object can be kept and executed again without allocating (AT+CASEND, AT+CARECV). A command is
    /// used by one thread at a time; its <see cref="Response"/> is overwritten by each execution.
    /// </summary>
    public sealed class AtCommand
    {
        /// <summary>Bytes of information lines a command keeps unless told otherwise.</summary>
        public const int DefaultResponseCapacity = 256;

        /// <summary>Information lines a command keeps unless told otherwise (AT+CNACT? answers four, AT+CARECV? up to twelve).</summary>
        public const int DefaultMaxLines = 12;

        /// <summary>Timeout of a command unless told otherwise.</summary>
        public const int DefaultTimeoutMs = 5000;

        private readonly byte[] text;
        private int textLength;
        private byte[] responsePrefix;
        private bool bare;
        private AtBareShape bareShape;
        private int minCommas;
        private bool resultAfterOk;
        private byte[] successLine;
        private byte[] failureLine;
        private AtPrompt prompt;
        private byte[] payload;
        private int payloadOffset;
        private int payloadCount;
        private AtRawRead rawRead;
        private byte[] rawBuffer;
        private int rawOffset;
        private int rawCapacity;
        private int inlineRawId = -1;
        private int missingFinalQuietMs;

        /// <summary>A command with exactly the room <paramref name="commandText"/> needs and the default response store.</summary>
        public AtCommand(string commandText)
            : this(Utf8.GetByteCount(commandText), DefaultResponseCapacity, DefaultMaxLines)
        {
            Begin(commandText);
        }

        /// <summary>An empty command whose text holds <paramref name="textCapacity"/> bytes (the line end is extra).</summary>
        public AtCommand(int textCapacity, int responseCapacity, int maxLines)
        {
            if (textCapacity < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(textCapacity), "a command holds at least \"AT\"");
            }

            text = new byte[textCapacity + 1];
            Response = new AtResponse(responseCapacity, maxLines);
            TimeoutMs = DefaultTimeoutMs;
        }

        /// <summary>The answer of the latest execution.</summary>
        public AtResponse Response { get; private set; }

        /// <summary>How long the whole exchange (prompt, payload, answer, trailing result) may take.</summary>
        public int TimeoutMs { get; set; }

        /// <summary>The command text, for messages and logs (allocates).</summary>
        public string Text
        {
            get { return AtText.ToPrintable(text, 0, textLength); }
        }

        /// <summary>The prompt that asks for the payload.</summary>
        public AtPrompt Prompt
        {
            get { return prompt; }
        }

        /// <summary>Where the answer's raw block sits.</summary>
        public AtRawRead RawRead
        {
            get { return rawRead; }
        }

        /// <summary>Replaces the text with <paramref name="start"/>; the expectations are kept.</summary>
        public AtCommand Begin(string start)
        {
            textLength = 0;
            return Append(start);
        }

        /// <summary>Appends command syntax (printable ASCII, quotes allowed).</summary>
        /// <exception cref="ArgumentException">The text holds a control character or does not fit.</exception>
        public AtCommand Append(string part)
        {
            if (part == null)
            {
                throw new ArgumentNullException(nameof(part));
            }

            for (int i = 0; i < part.Length; i++)
            {
                char c = part[i];
                if (c < ' ' || c > '~')
                {
                    throw new ArgumentException("not allowed in an AT command: character " + (int)c, nameof(part));
                }
            }

            EnsureRoom(part.Length, nameof(part));
            for (int i = 0; i < part.Length; i++)
            {
                text[textLength++] = (byte)part[i];
            }

            return this;
        }

        /// <summary>Appends a decimal number.</summary>
        public AtCommand Append(long number)
        {
            int digits = number < 0 ? 2 : 1;
            for (long rest = number / 10; rest != 0; rest /= 10)
            {
                digits++;
            }

            EnsureRoom(digits, nameof(number));
            textLength += AsciiInt.Format(number, text, textLength);
            return this;
        }

        /// <summary>Appends <paramref name="value"/> in double quotes; it must be printable ASCII without a quote.</summary>
        /// <exception cref="ArgumentException">The value would break the command's syntax or does not fit.</exception>
        public AtCommand AppendQuoted(string value)
        {
            AtText.CheckCommandText(value);
            return Append("\"").Append(value).Append("\"");
        }

        /// <summary>No information lines belong to the command: every line but its final result is a URC.</summary>
        public AtCommand ExpectNoLines()
        {
            responsePrefix = null;
            bare = false;
            bareShape = null;
            minCommas = 0;
            resultAfterOk = false;
            return this;
        }

        /// <summary>
        /// Lines that start with <paramref name="prefix"/> and carry at least <paramref name="minimumCommas"/>
        /// commas (outside quotes) belong to the command; others with the same prefix are URCs. For example
        /// AT+CEREG? answers <c>+CEREG: 0,5</c> (one comma) while the URC is <c>+CEREG: 5</c>.
        /// </summary>
        public AtCommand Expect(string prefix, int minimumCommas)
        {
            if (prefix == null || prefix.Length == 0)
            {
                throw new ArgumentException("a prefix is required; use ExpectBare for bare lines", nameof(prefix));
            }

            responsePrefix = AtText.ToCommandBytes(prefix);
            bare = false;
            bareShape = null;
            minCommas = minimumCommas;
            resultAfterOk = false;
            return this;
        }

        /// <summary>
        /// The answer is bare lines (AT+CCID, AT+CGSN, AT+CGMR): a line belongs to the command unless it starts
        /// with '+' or a registered URC prefix.
        /// </summary>
        public AtCommand ExpectBare()
        {
            responsePrefix = null;
            bare = true;
            bareShape = null;
            minCommas = 0;
            resultAfterOk = false;
            return this;
        }

        /// <summary>
        /// The answer is a bare line of <paramref name="shape"/>: only a line of that shape belongs to the command,
        /// whatever else (network-time reports, boot lines, noise) arrives before or after it.
        /// </summary>
        public AtCommand ExpectBare(AtBareShape shape)
        {
            if (shape == null)
            {
                throw new ArgumentNullException(nameof(shape));
            }

            ExpectBare();
            bareShape = shape;
            return this;
        }

        /// <summary>
        /// Like <see cref="Expect"/>, and the command is not finished by OK alone: it waits (within its timeout)
        /// for the matching line, which is its real result (AT+CAOPEN's <c>+CAOPEN: &lt;cid&gt;,&lt;result&gt;</c>).
        /// </summary>
        public AtCommand ExpectResultAfterOk(string prefix, int minimumCommas)
        {
            Expect(prefix, minimumCommas);
            resultAfterOk = true;
            return this;
        }

        /// <summary>A line other than OK that also ends the command successfully (AT+CPOWD=1's <c>NORMAL POWER DOWN</c>); null for none.</summary>
        public AtCommand ExpectSuccessLine(string line)
        {
            successLine = line == null ? null : AtText.ToCommandBytes(line);
            return this;
        }

        /// <summary>
        /// A line other than ERROR that also ends the command as a failure (<see cref="AtOutcome.Error"/>, the line as its
        /// error text), as Quectel's <c>SEND FAIL</c> after AT+QSSLSEND's bytes; null for none.
        /// </summary>
        public AtCommand ExpectFailureLine(string line)
        {
            failureLine = line == null ? null : AtText.ToCommandBytes(line);
            return this;
        }

        /// <summary>After <paramref name="kind"/> arrives, <paramref name="count"/> bytes of <paramref name="data"/> are written raw.</summary>
        public AtCommand WithPayload(AtPrompt kind, byte[] data, int offset, int count)
        {
            if (kind != AtPrompt.None)
            {
                CheckRange(data, offset, count);
            }

            prompt = kind;
            payload = data;
            payloadOffset = offset;
            payloadCount = count;
            return this;
        }

        /// <summary>
        /// The answer line (the prefix given to <see cref="Expect"/>) announces a raw block, which is copied into
        /// <paramref name="buffer"/>; an announced length above <paramref name="capacity"/> makes the answer malformed.
        /// </summary>
        public AtCommand WithRawRead(AtRawRead kind, byte[] buffer, int offset, int capacity)
        {
            if (kind != AtRawRead.None)
            {
                CheckRange(buffer, offset, capacity);
                if (responsePrefix == null)
                {
                    throw new InvalidOperationException("a raw read needs the answer's prefix (call Expect first)");
                }
            }

            rawRead = kind;
            rawBuffer = buffer;
            rawOffset = offset;
            rawCapacity = capacity;
            return this;
        }

        /// <summary>
        /// The inline raw answer may name <paramref name="id"/> before its length (<c>+CARECV: &lt;cid&gt;,&lt;len&gt;,</c>),
        /// as some module firmware does while other firmware prints only the length; -1 when it never does.
        /// </summary>
        public AtCommand WithInlineRawId(int id)
        {
            inlineRawId = id;
            return this;
        }

        /// <summary>
        /// After the payload has been written, <paramref name="quietMs"/> without a final result and without a byte
        /// from the modem count as OK (some firmware leaves out the OK after a prompt transfer); 0 waits for the final
        /// result until the timeout.
        /// </summary>
        public AtCommand AcceptMissingFinal(int quietMs)
        {
            if (quietMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(quietMs), "a quiet time cannot be negative");
            }

            missingFinalQuietMs = quietMs;
            return this;
        }

        /// <summary>Sets the timeout and returns the command.</summary>
        public AtCommand WithTimeout(int timeoutMs)
        {
            if (timeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMs), "a timeout must be positive");
            }

            TimeoutMs = timeoutMs;
            return this;
        }

        /// <summary>The finished exchange is complete (final result plus any required trailing line).</summary>
        internal bool IsComplete { get; set; }

        /// <summary>The prompt arrived.</summary>
        internal bool PromptSeen { get; set; }

        /// <summary>The payload has been written.</summary>
        internal bool PayloadSent { get; set; }

        /// <summary>OK arrived but the trailing result line has not.</summary>
        internal bool OkSeen { get; set; }

        /// <summary>The raw length announced by the answer.</summary>
        internal int RawExpected { get; set; }

        internal byte[] TextBuffer
        {
            get { return text; }
        }

        internal byte[] ResponsePrefix
        {
            get { return responsePrefix; }
        }

        /// <summary>The answer is bare lines.</summary>
        internal bool Bare
        {
            get { return bare; }
        }

        /// <summary>The shape of the bare answer, or null for any line without '+' that no URC handler claims.</summary>
        internal AtBareShape BareShape
        {
            get { return bareShape; }
        }

        /// <summary>The id an inline raw header may carry before its length, or -1.</summary>
        internal int InlineRawId
        {
            get { return inlineRawId; }
        }

        /// <summary>Quiet time after the payload that counts as OK, or 0.</summary>
        internal int MissingFinalQuietMs
        {
            get { return missingFinalQuietMs; }
        }

        /// <summary>When the payload was written (channel clock).</summary>
        internal long PayloadSentMs { get; set; }

        internal bool ResultAfterOk
        {
            get { return resultAfterOk; }
        }

        internal byte[] SuccessLine
        {
            get { return successLine; }
        }

        internal byte[] FailureLine
        {
            get { return failureLine; }
        }

        internal byte[] Payload
        {
            get { return payload; }
        }

        internal int PayloadOffset
        {
            get { return payloadOffset; }
        }

        internal int PayloadCount
        {
            get { return payloadCount; }
        }

        internal byte[] RawBuffer
        {
            get { return rawBuffer; }
        }

        internal int RawOffset
        {
            get { return rawOffset; }
        }

        internal int RawCapacity
        {
            get { return rawCapacity; }
        }

        /// <summary>Puts the line end after the text and returns the byte count to write.</summary>
        internal int Terminate()
        {
            text[textLength] = 13;
            return textLength + 1;
        }

        /// <summary>Clears the execution state and the response for a new execution.</summary>
        internal void Prepare()
        {
            if (textLength == 0)
            {
                throw new InvalidOperationException("the command has no text");
            }

            IsComplete = false;
            PromptSeen = false;
            PayloadSent = false;
            OkSeen = false;
            RawExpected = 0;
            Response.Reset();
        }

        /// <summary>True when <paramref name="line"/> is one of this command's prefixed information lines (bare lines are checked by the receiver).</summary>
        internal bool MatchesPrefixed(byte[] line, int count)
        {
            return responsePrefix != null && AtText.StartsWith(line, 0, count, responsePrefix)
                && AtFields.CountCommas(line, 0, count) >= minCommas;
        }

        private void EnsureRoom(int bytes, string parameterName)
        {
            if (bytes > text.Length - 1 - textLength)
            {
                throw new ArgumentException("command longer than its " + (text.Length - 1) + "-byte buffer", parameterName);
            }
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "range outside the array");
            }
        }
    }
}
