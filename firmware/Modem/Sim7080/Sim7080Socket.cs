namespace CellularIot.Modem.Sim7080
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// One SIM7080G TLS connection (a CA socket). Sends go through the <c>&gt;</c> prompt of AT+CASEND in
    /// pieces no larger than the module's maximum (an OK the firmware leaves out after the bytes is waited for only
    /// a quiet time); reads use AT+CARECV (at most 512 bytes each, answered with or without the cid before the
    /// length, possibly fewer bytes than asked or announced) only when there is something to read:
    /// after +CADATAIND (the module announces data that arrives while none is waiting), after a read that filled
    /// the request (more may wait), and after the peer closed (what is left). An idle socket costs no command; a
    /// lost announcement is covered by the time-outs above (the MQTT keep-alive, the HTTP and WebSocket reads),
    /// which end the connection and so recover. Any failed send or read closes the socket: bytes were lost, so the stream above
    /// cannot go on. Send and Receive each keep one command object, so neither allocates per call.
    /// </summary>
    public sealed class Sim7080Socket : ISecureSocket, IDisposable
    {
        private const int CommandCapacity = 40;

        private readonly SocketTable table;
        private readonly AtChannel channel;
        private readonly IClock clock;
        private readonly Sim7080Settings settings;
        private readonly int cid;
        private readonly object sync = new object();
        private readonly AutoResetEvent dataSignal = new AutoResetEvent(false);
        private readonly AtCommand sendCommand;
        private readonly AtCommand receiveCommand;
        private bool closed;
        private bool released;
        private bool dataWaiting;
        private string closeReason;

        internal Sim7080Socket(SocketTable table, AtChannel channel, IClock clock, Sim7080Settings settings, int cid)
        {
            this.table = table;
            this.channel = channel;
            this.clock = clock;
            this.settings = settings;
            this.cid = cid;
            sendCommand = new AtCommand(CommandCapacity, 0, 0).ExpectNoLines();
            receiveCommand = new AtCommand(CommandCapacity, 32, 1).Expect("+CARECV: ", 0);
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
                sendCommand.Begin("AT+CASEND=").Append(cid).Append(",").Append(piece)
                    .WithPayload(AtPrompt.Angle, buffer, offset + sent, piece)
                    .AcceptMissingFinal(settings.SendFinalQuietMs)
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
                bool waiting;
                lock (sync)
                {
                    if (released)
                    {
                        throw new SocketClosedException("socket " + cid + " closed: " + closeReason);
                    }

                    wasClosed = closed;
                    waiting = dataWaiting;

                    // Taken before reading: a +CADATAIND that arrives during or after this read sets it again.
                    dataWaiting = false;
                    dataSignal.Reset();
                }

                if (waiting || wasClosed)
                {
                    int read = ReadOnce(buffer, offset, max);
                    if (read == max)
                    {
                        // The module announces only data that arrives while none waits: what a full read left is not announced.
                        lock (sync)
                        {
                            dataWaiting = true;
                        }
                    }

                    if (read > 0)
                    {
                        return read;
                    }

                    if (wasClosed)
                    {
                        ThrowIfClosed();
                    }
                }

                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    return 0;
                }

                dataSignal.WaitOne((int)remaining, false);
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
                // The outcome does not matter: a socket the peer closed may already be gone on the modem.
                channel.Execute(new AtCommand(CommandCapacity, 0, 0).Begin("AT+CACLOSE=").Append(cid).WithTimeout(settings.CommandTimeoutMs));
            }

            MarkClosed("closed locally");
            table.Release(cid, this);
        }

        /// <summary>Closes the socket (see <see cref="Close"/>).</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>+CADATAIND: data waits in the modem.</summary>
        internal void OnDataIndicated()
        {
            lock (sync)
            {
                dataWaiting = true;
            }

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
        /// a new socket, so this one must never send AT+CACLOSE for it.
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
            receiveCommand.Begin("AT+CARECV=").Append(cid).Append(",").Append(max)
                .WithRawRead(AtRawRead.Inline, buffer, offset, max)
                .WithInlineRawId(cid)
                .WithTimeout(settings.ReceiveCommandTimeoutMs);
            if (channel.Execute(receiveCommand) != AtOutcome.Ok)
            {
                if (IsClosed)
                {
                    return 0;
                }

                Fail("receive failed: " + new AtCommandException(receiveCommand).Message);
            }

            // "+CARECV: 0" carries no block, so the raw count stays 0.
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
