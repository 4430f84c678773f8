namespace CellularIot.At
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Decides what every received line is: the echo of a command, a final result, a line of the command in
    /// flight, a prompt, or a URC. Lines are matched to the command itself (its prefix and shape, and whether it
    /// is still waiting), never to a prefix alone, so a URC that looks like the answer stays a URC. URCs with a
    /// handler are copied into a fixed queue for the dispatcher; URCs nobody handles and final results cost no
    /// allocation. Not thread-safe: <see cref="AtChannel"/> calls it under its lock.
    /// </summary>
    public sealed class AtReceiver : ILineSink
    {
        /// <summary>Flag returned by <see cref="Feed"/>: the command in flight saw its prompt or finished.</summary>
        public const int CommandProgressed = 1;

        /// <summary>Flag returned by <see cref="Feed"/>: a URC was queued for its handler.</summary>
        public const int UrcQueued = 2;

        private static readonly byte[] Download = Utf8.GetBytes("DOWNLOAD");
        private static readonly byte[] OkTail = Utf8.GetBytes("\r\nOK\r\n");
        private static readonly byte[] Connect = Utf8.GetBytes("CONNECT");

        private readonly LineFramer framer;
        private readonly UrcQueue urcs;
        private readonly UrcTable handlers = new UrcTable();
        private AtCommand inFlight;
        private int events;

        /// <summary>Creates a receiver for lines of up to <paramref name="lineCapacity"/> bytes and <paramref name="urcQueueDepth"/> waiting URCs.</summary>
        public AtReceiver(int lineCapacity, int urcQueueDepth)
        {
            framer = new LineFramer(lineCapacity, this);
            urcs = new UrcQueue(urcQueueDepth, lineCapacity);
        }

        /// <summary>Longest line kept.</summary>
        public int LineCapacity
        {
            get { return framer.LineCapacity; }
        }

        /// <summary>The command waiting for its answer, or null.</summary>
        public AtCommand InFlight
        {
            get { return inFlight; }
        }

        /// <summary>Lines dropped for being too long.</summary>
        public int DroppedLines
        {
            get { return framer.DroppedLines; }
        }

        /// <summary>URCs dropped because handlers fell behind.</summary>
        public int DroppedUrcs
        {
            get { return urcs.Dropped; }
        }

        /// <summary>Bytes outside raw blocks dropped as noise (see <see cref="LineFramer.NoiseBytes"/>).</summary>
        public int NoiseBytes
        {
            get { return framer.NoiseBytes; }
        }

        /// <summary>Raw blocks that ended at their trailing OK, shorter than announced.</summary>
        public int ShortBlocks { get; private set; }

        /// <summary>Payload commands whose missing final result was taken as OK.</summary>
        public int MissingFinals { get; private set; }

        /// <summary>URCs waiting for the dispatcher.</summary>
        public int PendingUrcs
        {
            get { return urcs.Count; }
        }

        /// <summary>Lines that no handler wanted and no command claimed.</summary>
        public int UnhandledUrcs { get; private set; }

        /// <summary>Command echoes skipped (echo is on after every boot until ATE0).</summary>
        public int EchoLines { get; private set; }

        /// <summary>Final results that arrived with no command waiting (the late answer of a timed-out command).</summary>
        public int StrayFinals { get; private set; }

        /// <summary>
        /// Sends URCs that start with <paramref name="prefix"/> to <paramref name="handler"/>, replacing an earlier
        /// handler of the same prefix. A prefix-less URC is registered by its whole text (<c>RDY</c>). When several
        /// prefixes match, the longest wins.
        /// </summary>
        public void Register(string prefix, UrcHandler handler)
        {
            handlers.Register(prefix, handler);
        }

        /// <summary>Removes the handler of <paramref name="prefix"/>; false when there was none.</summary>
        public bool Unregister(string prefix)
        {
            return handlers.Unregister(prefix);
        }

        /// <summary>Makes <paramref name="command"/> the command in flight, ready for its answer.</summary>
        /// <exception cref="InvalidOperationException">Another command is in flight.</exception>
        public void Begin(AtCommand command)
        {
            if (command == null)
            {
                throw new ArgumentNullException(nameof(command));
            }

            if (inFlight != null)
            {
                throw new InvalidOperationException("a command is already in flight");
            }

            command.Prepare();
            inFlight = command;
            framer.ArmPrompt(command.Prompt == AtPrompt.Angle);
            framer.ArmInlineRaw(command.RawRead == AtRawRead.Inline ? command.ResponsePrefix : null);
        }

        /// <summary>
        /// Gives up on <paramref name="command"/> with outcome <see cref="AtOutcome.Timeout"/> if it is still in flight.
        /// A raw block it announced and did not get whole within its timeout is given up too: bytes were lost, and
        /// the rest of the block, if counted out of later output, would swallow the next answer or pass it off as
        /// another command's data.
        /// </summary>
        public void Abandon(AtCommand command)
        {
            if (command != null && inFlight == command)
            {
                framer.CancelRaw();
                command.Response.FinishTimeout();
                Complete(command);
            }
        }

        /// <summary>
        /// Ends a raw block that the module announced longer than it delivered (some firmware does): when the
        /// bytes taken as the block hold the answer's <c>CR LF OK CR LF</c> and the line has gone quiet, the block
        /// ends before it (and before the line end that precedes it), <paramref name="command"/> finishes with OK, and what followed is read as lines again.
        /// Returns true when it did.
        /// </summary>
        public bool TryEndShortBlock(AtCommand command)
        {
            // Also a block that is complete: announced just long enough to swallow the OK, it waits for a final result.
            if (command == null || inFlight != command || command.RawRead == AtRawRead.None || command.RawExpected == 0)
            {
                return false;
            }

            byte[] raw = command.RawBuffer;
            int start = command.RawOffset;
            int count = command.Response.RawCount;
            for (int at = count - OkTail.Length; at >= 0; at--)
            {
                if (AtText.StartsWith(raw, start + at, count - at, OkTail))
                {
                    int tailStart = at + OkTail.Length;
                    byte[] tail = new byte[count - tailStart];
                    Array.Copy(raw, start + tailStart, tail, 0, tail.Length);

                    // Firmware that ends the data with its own line end before "CR LF OK CR LF" does so here too.
                    int end = at >= 2 && raw[start + at - 2] == 13 && raw[start + at - 1] == 10 ? at - 2 : at;
                    command.Response.RawCount = end;
                    framer.CancelRaw();
                    ShortBlocks++;
                    command.Response.Finish(AtOutcome.Ok, OkTail, 0);
                    Complete(command);
                    framer.Feed(tail, 0, tail.Length);
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Finishes <paramref name="command"/> with OK when its payload went out, it allows its final result to
        /// be missing, and the caller saw the line quiet for the time it allows. Returns true when it did.
        /// </summary>
        public bool TryAcceptMissingFinal(AtCommand command)
        {
            if (command == null || inFlight != command || !command.PayloadSent || command.MissingFinalQuietMs <= 0)
            {
                return false;
            }

            MissingFinals++;
            command.Response.FinishMissingFinal();
            Complete(command);
            return true;
        }

        /// <summary>Consumes received bytes; returns <see cref="CommandProgressed"/> and/or <see cref="UrcQueued"/>.</summary>
        public int Feed(byte[] data, int offset, int count)
        {
            events = 0;
            framer.Feed(data, offset, count);
            return events;
        }

        /// <summary>Moves the oldest waiting URC into <paramref name="into"/> and returns its handler, or null when none waits.</summary>
        public UrcHandler DequeueUrc(AtLine into)
        {
            return urcs.Dequeue(into);
        }

        /// <inheritdoc/>
        public void OnLine(byte[] line, int count)
        {
            if (IsEcho(line, count))
            {
                EchoLines++;
                return;
            }

            AtCommand command = inFlight;
            AtOutcome kind = FinalResult.Classify(line, 0, count);
            if (command == null)
            {
                if (kind != AtOutcome.None)
                {
                    StrayFinals++;
                    return;
                }

                DispatchUrc(line, count);
                return;
            }

            if (command.SuccessLine != null && AtText.IsExactly(line, 0, count, command.SuccessLine))
            {
                kind = AtOutcome.Ok;
            }
            else if (command.FailureLine != null && AtText.IsExactly(line, 0, count, command.FailureLine))
            {
                kind = AtOutcome.Error;
            }

            if (kind != AtOutcome.None)
            {
                OnFinal(command, kind, line, count);
                return;
            }

            if (!command.PromptSeen && IsPromptLine(command.Prompt, line, count))
            {
                command.PromptSeen = true;
                events |= CommandProgressed;
                return;
            }

            if (BelongsTo(command, line, count))
            {
                OnAnswerLine(command, line, count);
                return;
            }

            DispatchUrc(line, count);
        }

        /// <inheritdoc/>
        public int OnInlineRawHeader(byte[] line, int count, bool final)
        {
            AtCommand command = inFlight;
            if (command == null || command.RawRead != AtRawRead.Inline || !command.MatchesPrefixed(line, count))
            {
                return -1;
            }

            int prefixLength = command.ResponsePrefix.Length;
            int firstComma = IndexOfComma(line, prefixLength, count - 1);
            int announced;
            if (firstComma < 0)
            {
                // One number before the comma: the length, or the id of a header that goes on.
                if (!AsciiInt.TryParse(line, prefixLength, count - 1 - prefixLength, out announced) || announced < 0)
                {
                    return -1;
                }

                if (!final && announced == command.InlineRawId)
                {
                    return LineFramer.AwaitNextField;
                }
            }
            else
            {
                // "<id>,<len>,": the id must be the command's own.
                int id;
                if (!AsciiInt.TryParse(line, prefixLength, firstComma - prefixLength, out id) || id != command.InlineRawId
                    || !AsciiInt.TryParse(line, firstComma + 1, count - 2 - firstComma, out announced) || announced < 0)
                {
                    return -1;
                }
            }

            if (announced > command.RawCapacity)
            {
                // More than was asked for: the length is not trusted and the bytes stay a (soon dropped) line.
                command.Response.MarkMalformed();
                return -1;
            }

            command.Response.AddLine(line, count - 1);
            command.RawExpected = announced;
            return announced;
        }

        /// <inheritdoc/>
        public void OnRaw(byte[] data, int offset, int count)
        {
            AtCommand command = inFlight;
            if (command == null || command.RawRead == AtRawRead.None)
            {
                // Only the command in flight announces a block, and abandoning it ends the block: nothing to keep.
                return;
            }

            int room = command.RawCapacity - command.Response.RawCount;
            int taken = count < room ? count : room;
            Array.Copy(data, offset, command.RawBuffer, command.RawOffset + command.Response.RawCount, taken);
            command.Response.RawCount += taken;
        }

        /// <inheritdoc/>
        public void OnRawEnd()
        {
            // Nothing to do: the final result that follows the block finishes the command.
        }

        /// <inheritdoc/>
        public void OnPrompt()
        {
            AtCommand command = inFlight;
            if (command != null && command.Prompt == AtPrompt.Angle && !command.PromptSeen)
            {
                command.PromptSeen = true;
                events |= CommandProgressed;
            }
        }

        // DOWNLOAD (SIMCom's file write) and CONNECT (Quectel's file upload) are prompts that come as whole lines.
        private static bool IsPromptLine(AtPrompt prompt, byte[] line, int count)
        {
            return (prompt == AtPrompt.Download && AtText.IsExactly(line, 0, count, Download))
                || (prompt == AtPrompt.Connect && AtText.IsExactly(line, 0, count, Connect));
        }

        // Modem output never starts with "AT"; with echo on, the command comes back as such a line.
        private static bool IsEcho(byte[] line, int count)
        {
            return count >= 2 && (line[0] == (byte)'A' || line[0] == (byte)'a') && (line[1] == (byte)'T' || line[1] == (byte)'t');
        }

        private static int IndexOfComma(byte[] line, int from, int end)
        {
            for (int i = from; i < end; i++)
            {
                if (line[i] == (byte)',')
                {
                    return i;
                }
            }

            return -1;
        }

        private bool BelongsTo(AtCommand command, byte[] line, int count)
        {
            if (!command.Bare)
            {
                return command.MatchesPrefixed(line, count);
            }

            if (command.BareShape != null)
            {
                return command.BareShape.Matches(line, count);
            }

            // Bare answers (ICCID, IMEI, revision) never start with '+', and a registered URC stays a URC.
            return line[0] != (byte)'+' && handlers.Find(line, count) == null;
        }

        private void OnAnswerLine(AtCommand command, byte[] line, int count)
        {
            command.Response.AddLine(line, count);
            if (command.RawRead == AtRawRead.AfterLine)
            {
                int announced;
                if (AtFields.TryGetInt(line, 0, count, 0, out announced) && announced >= 0 && announced <= command.RawCapacity)
                {
                    command.RawExpected = announced;
                    framer.BeginRaw(announced);
                }
                else
                {
                    command.Response.MarkMalformed();
                }
            }

            if (command.OkSeen)
            {
                command.Response.Finish(AtOutcome.Ok, line, count);
                Complete(command);
            }
        }

        private void OnFinal(AtCommand command, AtOutcome kind, byte[] line, int count)
        {
            if (kind == AtOutcome.Ok && command.ResultAfterOk && command.Response.LineCount == 0)
            {
                // The real result (e.g. +CAOPEN: 0,0) is still to come.
                command.OkSeen = true;
                return;
            }

            command.Response.Finish(kind, line, count);
            Complete(command);
        }

        private void Complete(AtCommand command)
        {
            inFlight = null;
            framer.ArmPrompt(false);
            framer.ArmInlineRaw(null);
            command.IsComplete = true;
            events |= CommandProgressed;
        }

        private void DispatchUrc(byte[] line, int count)
        {
            UrcHandler handler = handlers.Find(line, count);
            if (handler == null)
            {
                UnhandledUrcs++;
                return;
            }

            if (urcs.Enqueue(line, count, handler))
            {
                events |= UrcQueued;
            }
        }
    }
}
