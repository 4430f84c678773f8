namespace CellularIot.Modem.Quectel
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// One BG95/BG96 TLS connection (SSL application note, buffer access mode). Sends go through the <c>&gt;</c>
    /// prompt of AT+QSSLSEND in pieces no larger than the module's maximum and end with <c>SEND OK</c> (<c>SEND FAIL</c>
    /// when the module's send buffer is full or the connection broke); reads use AT+QSSLRECV
    /// (<c>+QSSLRECV: &lt;n&gt;</c>, a line end, then n raw bytes), woken by <c>+QSSLURC: "recv"</c> and, as a safety net,
    /// by a periodic poll. Any failed send or read closes the socket: bytes were lost, so the stream above cannot go
    /// on. Send and Receive each keep one command object, so neither allocates per call.
    /// </summary>
    public sealed class QuectelSocket : ISecureSocket, IDisposable
    {
        private const int CommandCapacity = 40;

        private readonly QuectelSocketTable table;
        private readonly AtChannel channel;
        private readonly IClock clock;
        private readonly QuectelSettings settings;
        private readonly int cid;
        private readonly object sync = new object();
        private readonly AutoResetEvent dataSignal = new AutoResetEvent(false);
        private readonly AtCommand sendCommand;
        private readonly AtCommand receiveCommand;
        private bool closed;
        private bool released;
        private string closeReason;

        internal QuectelSocket(QuectelSocketTable table, AtChannel channel, IClock clock, QuectelSettings settings, int cid)
        {
            this.table = table;
            this.channel = channel;
            this.clock = clock;
            this.settings = settings;
            this.cid = cid;
            sendCommand = new AtCommand(CommandCapacity, 0, 0).ExpectNoLines().ExpectSuccessLine("SEND OK").ExpectFailureLine("SEND FAIL");
            receiveCommand = new AtCommand(CommandCapacity, 32, 1).Expect("+QSSLRECV: ", 0);
        }

        /// <inheritdoc/>
        public event EventHandler Closed;

        /// <inheritdoc/>
        public int Id
        {
            get { return cid; }
        }

        /// <inheritdoc/>
        public bool IsClosed
        {
            get
            {
                lock (sync)
                {
                    return closed;
                }
            }
        }

        /// <summary>Why the socket closed, or null while it is open.</summary>
        public string CloseReason
        {
            get
            {
                lock (sync)
                {
                    return closeReason;
                }
            }
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            int sent = 0;
            while (sent < count)
            {
                ThrowIfClosed();
                int piece = count - sent < settings.MaxSendChunk ? count - sent : settings.MaxSendChunk;
                sendCommand.Begin("AT+QSSLSEND=").Append(cid).Append(",").Append(piece)
                    .WithPayload(AtPrompt.Angle, buffer, offset + sent, piece)
                    .WithTimeout(settings.SendTimeoutMs);
                if (channel.Execute(sendCommand) != AtOutcome.Ok)
                {
                    Fail("send failed: " + new AtCommandException(sendCommand).Message);
                }

                sent += piece;
            }
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            CheckRange(buffer, offset, count);
            if (count == 0)
            {
                return 0;
            }

            int max = count < settings.MaxReceiveChunk ? count : settings.MaxReceiveChunk;
            long deadline = clock.MonotonicMs + (timeoutMs > 0 ? timeoutMs : 0);
            while (true)
            {
                bool wasClosed;
                lock (sync)
                {
                    if (released)
                    {
                        throw new SocketClosedException("socket " + cid + " closed: " + closeReason);
                    }

                    wasClosed = closed;
                }

                // Reset before reading: a +QSSLURC "recv" that arrives during or after this read sets it again.
                dataSignal.Reset();
                int read = ReadOnce(buffer, offset, max);
                if (read > 0)
                {
                    return read;
                }

                if (wasClosed)
                {
                    ThrowIfClosed();
                }

                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    return 0;
                }

                dataSignal.WaitOne((int)(remaining < settings.ReceivePollMs ? remaining : settings.ReceivePollMs), false);
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            lock (sync)
            {
                if (released)
                {
                    return;
                }

                released = true;
            }

            if (channel.IsRunning)
            {
                // The outcome does not matter: the id is freed on the module either way, or was already.
                channel.Execute(new AtCommand(CommandCapacity, 0, 0).Begin("AT+QSSLCLOSE=").Append(cid).WithTimeout(settings.CommandTimeoutMs));
            }

            MarkClosed("closed locally");
            table.Release(cid, this);
        }

        /// <summary>Closes the socket (see <see cref="Close"/>).</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>+QSSLURC "recv": data waits in the modem.</summary>
        internal void OnDataIndicated()
        {
            dataSignal.Set();
        }

        /// <summary>Marks the socket closed (peer, modem or local) and raises <see cref="Closed"/> the first time.</summary>
        internal void MarkClosed(string reason)
        {
            bool first;
            lock (sync)
            {
                first = !closed;
                if (first)
                {
                    closed = true;
                    closeReason = reason;
                }
            }

            dataSignal.Set();
            if (first)
            {
                EventHandler handler = Closed;
                if (handler != null)
                {
                    handler(this, EventArgs.Empty);
                }
            }
        }

        /// <summary>
        /// The modem lost every connection (reboot, reset, power-down, data context down): the id may be reused by
        /// a new socket, so this one must never send AT+QSSLCLOSE for it.
        /// </summary>
        internal void Detach(string reason)
        {
            lock (sync)
            {
                released = true;
            }

            MarkClosed(reason);
        }

        private int ReadOnce(byte[] buffer, int offset, int max)
        {
            receiveCommand.Begin("AT+QSSLRECV=").Append(cid).Append(",").Append(max)
                .WithRawRead(AtRawRead.AfterLine, buffer, offset, max)
                .WithTimeout(settings.ReceiveCommandTimeoutMs);
            if (channel.Execute(receiveCommand) != AtOutcome.Ok)
            {
                if (IsClosed)
                {
                    return 0;
                }

                Fail("receive failed: " + new AtCommandException(receiveCommand).Message);
            }

            // "+QSSLRECV: 0" carries no block, so the raw count stays 0.
            return receiveCommand.Response.RawCount;
        }

        private void Fail(string reason)
        {
            MarkClosed(reason);
            throw new SocketClosedException("socket " + cid + " " + reason);
        }

        private void ThrowIfClosed()
        {
            lock (sync)
            {
                if (closed)
                {
                    throw new SocketClosedException("socket " + cid + " closed: " + closeReason);
                }
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
