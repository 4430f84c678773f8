namespace CellularIot.At
{
    using System;
    using System.Threading;
    using CellularIot.Support;

    /// <summary>
    /// The AT command channel over one <see cref="IByteLink"/>. A reader thread owns the link's receive side and
    /// routes every line (see <see cref="AtReceiver"/>); a dispatcher thread runs URC handlers, outside the
    /// channel's lock, one at a time and in arrival order; <see cref="Execute"/> runs one command at a time,
    /// with its own timeout and a guard time after each final result.
    /// <para>
    /// What URC handlers may do: read the line, set flags and events, and call <see cref="Execute"/> (which waits
    /// for any command in flight to end; the reader keeps reading meanwhile, so this cannot deadlock it). While a
    /// handler runs, further URCs wait in a fixed queue; when it is full they are dropped and counted, so handlers
    /// should be short. Handlers must not call <see cref="Stop"/>. A handler that throws is logged and counted;
    /// the dispatcher carries on.
    /// </para>
    /// </summary>
    public sealed class AtChannel : IDisposable
    {
        private readonly IByteLink link;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly AtChannelSettings settings;
        private readonly AtReceiver receiver;
        private readonly object gate = new object();
        private readonly object issueGate = new object();
        private readonly AutoResetEvent progress = new AutoResetEvent(false);
        private readonly AutoResetEvent urcArrived = new AutoResetEvent(false);
        private readonly byte[] readBuffer;
        private readonly AtLine dispatchLine;
        private Thread reader;
        private Thread dispatcher;
        private bool running;
        private long lastFinalMs;
        private long lastReceiveMs;
        private int handlerFailures;
        private int linkFailures;

        /// <summary>Creates a stopped channel; call <see cref="Start"/> before executing commands.</summary>
        public AtChannel(IByteLink link, IClock clock, ILog log, AtChannelSettings settings)
        {
            if (link == null)
            {
                throw new ArgumentNullException(nameof(link));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (log == null)
            {
                throw new ArgumentNullException(nameof(log));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            this.link = link;
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            receiver = new AtReceiver(settings.LineCapacity, settings.UrcQueueDepth);
            readBuffer = new byte[settings.ReadChunk];
            dispatchLine = new AtLine(settings.LineCapacity);
            lastFinalMs = clock.MonotonicMs - settings.GuardTimeMs;
        }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning
        {
            get
            {
                lock (gate)
                {
                    return running;
                }
            }
        }

        /// <summary>Lines dropped for being longer than the line capacity.</summary>
        public int DroppedLines
        {
            get
            {
                lock (gate)
                {
                    return receiver.DroppedLines;
                }
            }
        }

        /// <summary>URCs dropped because their handlers fell behind.</summary>
        public int DroppedUrcs
        {
            get
            {
                lock (gate)
                {
                    return receiver.DroppedUrcs;
                }
            }
        }

        /// <summary>Lines no handler wanted and no command claimed.</summary>
        public int UnhandledUrcs
        {
            get
            {
                lock (gate)
                {
                    return receiver.UnhandledUrcs;
                }
            }
        }

        /// <summary>Command echoes skipped.</summary>
        public int EchoLines
        {
            get
            {
                lock (gate)
                {
                    return receiver.EchoLines;
                }
            }
        }

        /// <summary>Final results that arrived with no command waiting.</summary>
        public int StrayFinals
        {
            get
            {
                lock (gate)
                {
                    return receiver.StrayFinals;
                }
            }
        }

        /// <summary>Noise bytes dropped outside raw blocks (0x00, 0xFF, other control and high bytes).</summary>
        public int NoiseBytes
        {
            get
            {
                lock (gate)
                {
                    return receiver.NoiseBytes;
                }
            }
        }

        /// <summary>Raw blocks delivered shorter than announced and ended at their OK.</summary>
        public int ShortBlocks
        {
            get
            {
                lock (gate)
                {
                    return receiver.ShortBlocks;
                }
            }
        }

        /// <summary>Final results missing after a payload and taken as OK.</summary>
        public int MissingFinals
        {
            get
            {
                lock (gate)
                {
                    return receiver.MissingFinals;
                }
            }
        }

        /// <summary>URC handlers that threw.</summary>
        public int HandlerFailures
        {
            get
            {
                lock (gate)
                {
                    return handlerFailures;
                }
            }
        }

        /// <summary>Reads from the link that threw (the reader waits a poll period and carries on).</summary>
        public int LinkFailures
        {
            get
            {
                lock (gate)
                {
                    return linkFailures;
                }
            }
        }

        /// <summary>Starts the reader and the dispatcher; calling it again while running does nothing.</summary>
        public void Start()
        {
            lock (gate)
            {
                if (running)
                {
                    return;
                }

                running = true;
            }

            reader = new Thread(ReadLoop);
            dispatcher = new Thread(DispatchLoop);
            reader.Start();
            dispatcher.Start();
        }

        /// <summary>Stops both threads and waits for them; safe to call twice.</summary>
        /// <exception cref="InvalidOperationException">Called from a URC handler.</exception>
        public void Stop()
        {
            if (Thread.CurrentThread == dispatcher)
            {
                throw new InvalidOperationException("a URC handler cannot stop the channel that runs it");
            }

            lock (gate)
            {
                if (!running)
                {
                    return;
                }

                running = false;
            }

            urcArrived.Set();
            progress.Set();
            int patience = (settings.PollMs * 4) + 1000;
            reader.Join(patience);
            dispatcher.Join(patience);
        }

        /// <summary>Stops the channel.</summary>
        public void Dispose()
        {
            Stop();
        }

        /// <summary>Sends URCs starting with <paramref name="prefix"/> to <paramref name="handler"/> (see <see cref="AtReceiver.Register"/>).</summary>
        public void Register(string prefix, UrcHandler handler)
        {
            lock (gate)
            {
                receiver.Register(prefix, handler);
            }
        }

        /// <summary>Removes the handler of <paramref name="prefix"/>; false when there was none.</summary>
        public bool Unregister(string prefix)
        {
            lock (gate)
            {
                return receiver.Unregister(prefix);
            }
        }

        /// <summary>
        /// Runs <paramref name="command"/>: waits for any command in flight and for the guard time, writes the
        /// command, writes its payload at the prompt, and waits for its answer within its own timeout. Returns the
        /// outcome, which is also in <see cref="AtCommand.Response"/>; a timeout is an outcome, not an exception.
        /// </summary>
        /// <exception cref="InvalidOperationException">The channel is not running.</exception>
        public AtOutcome Execute(AtCommand command)
        {
            if (command == null)
            {
                throw new ArgumentNullException(nameof(command));
            }

            lock (issueGate)
            {
                WaitGuardTime();
                lock (gate)
                {
                    if (!running)
                    {
                        throw new InvalidOperationException("the AT channel is not running");
                    }

                    receiver.Begin(command);
                }

                progress.Reset();
                try
                {
                    link.Write(command.TextBuffer, 0, command.Terminate());
                    AwaitAnswer(command, clock.MonotonicMs + command.TimeoutMs);
                }
                finally
                {
                    lock (gate)
                    {
                        // Completed commands are no longer in flight, so this only ends a timed-out or failed exchange.
                        receiver.Abandon(command);
                    }

                    lastFinalMs = clock.MonotonicMs;
                }

                return command.Response.Outcome;
            }
        }

        /// <summary>Runs <paramref name="command"/> and returns its response when the outcome is OK.</summary>
        /// <exception cref="AtCommandException">The command failed, timed out or was answered malformed.</exception>
        public AtResponse ExecuteOk(AtCommand command)
        {
            if (Execute(command) != AtOutcome.Ok)
            {
                throw new AtCommandException(command);
            }

            return command.Response;
        }

        private void AwaitAnswer(AtCommand command, long deadline)
        {
            while (true)
            {
                bool writePayload = false;
                lock (gate)
                {
                    if (command.IsComplete)
                    {
                        return;
                    }

                    if (command.PromptSeen && !command.PayloadSent)
                    {
                        command.PayloadSent = true;
                        writePayload = true;
                    }
                }

                if (writePayload)
                {
                    link.Write(command.Payload, command.PayloadOffset, command.PayloadCount);
                    command.PayloadSentMs = clock.MonotonicMs;
                    continue;
                }

                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    return;
                }

                int slice = settings.ShortBlockQuietMs;
                if (command.MissingFinalQuietMs > 0 && command.MissingFinalQuietMs < slice)
                {
                    slice = command.MissingFinalQuietMs;
                }

                if (!progress.WaitOne((int)(remaining < slice ? remaining : slice), false))
                {
                    EndQuietExchange(command);
                }
            }
        }

        // The line went quiet with the command unfinished: a block shorter than announced, or a final result left out.
        private void EndQuietExchange(AtCommand command)
        {
            bool urcs;
            lock (gate)
            {
                long now = clock.MonotonicMs;
                long quiet = now - lastReceiveMs;
                bool ended = quiet >= settings.ShortBlockQuietMs && receiver.TryEndShortBlock(command);
                if (!ended && command.PayloadSent && command.MissingFinalQuietMs > 0 && quiet >= command.MissingFinalQuietMs
                    && now - command.PayloadSentMs >= command.MissingFinalQuietMs)
                {
                    receiver.TryAcceptMissingFinal(command);
                }

                urcs = receiver.PendingUrcs > 0;
            }

            if (urcs)
            {
                urcArrived.Set();
            }
        }

        private void WaitGuardTime()
        {
            long wait = lastFinalMs + settings.GuardTimeMs - clock.MonotonicMs;
            if (wait > 0)
            {
                Thread.Sleep((int)wait);
            }
        }

        private void ReadLoop()
        {
            while (IsRunning)
            {
                int count;
                try
                {
                    count = link.Read(readBuffer, 0, readBuffer.Length, settings.PollMs);
                }
                catch (Exception ex)
                {
                    // A link can fail transiently (a UART overrun, a pty closed by its peer); the reader must live on.
                    lock (gate)
                    {
                        linkFailures++;
                    }

                    log.Warn("AT link read failed: " + ex.Message);
                    Thread.Sleep(settings.PollMs);
                    continue;
                }

                if (count <= 0)
                {
                    continue;
                }

                int flags;
                lock (gate)
                {
                    lastReceiveMs = clock.MonotonicMs;
                    flags = receiver.Feed(readBuffer, 0, count);
                }

                if ((flags & AtReceiver.CommandProgressed) != 0)
                {
                    progress.Set();
                }

                if ((flags & AtReceiver.UrcQueued) != 0)
                {
                    urcArrived.Set();
                }
            }
        }

        private void DispatchLoop()
        {
            while (IsRunning)
            {
                urcArrived.WaitOne(settings.PollMs, false);
                while (true)
                {
                    UrcHandler handler;
                    lock (gate)
                    {
                        handler = receiver.DequeueUrc(dispatchLine);
                    }

                    if (handler == null)
                    {
                        break;
                    }

                    try
                    {
                        handler(dispatchLine);
                    }
                    catch (Exception ex)
                    {
                        // One faulty handler must not silence every later URC.
                        lock (gate)
                        {
                            handlerFailures++;
                        }

                        log.Warn("URC handler failed on " + dispatchLine.ToString() + ": " + ex.Message);
                    }
                }
            }
        }
    }
}
