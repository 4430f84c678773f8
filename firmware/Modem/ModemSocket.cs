namespace CellularIot.Modem
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// One TLS connection held by the modem (a SIMCom CA socket, a Quectel SSL client), driven by its family's
    /// <see cref="SocketCommandSet"/>. Sends go through the <c>&gt;</c> prompt of the send command in pieces no larger
    /// than the module's maximum. Reads are issued only when there is something to read: after the module announced
    /// data (<see cref="OnDataIndicated"/>: +CADATAIND, +QSSLURC "recv"), after a read that filled the request, and after
    /// the peer closed (what is left). Both families announce data only when none was waiting before: SIMCom's
    /// +CADATAIND comes for data that arrives while none waits, and a Quectel module in buffer access mode reports no
    /// new "recv" until all the received data has been retrieved (BG95&amp;BG77&amp;BG600L Series TCP/IP Application
    /// Note, 2.3.8 AT+QIRD and 2.4.2 +QIURC: "recv"; the SSL Application Note's AT+QSSLRECV and +QSSLURC: "recv" work the
    /// same way on the SSL client ids). So a read that came back short emptied the module's buffer and the next data is
    /// announced, while after a full read more may wait unannounced and is read at once. An idle socket costs no
    /// command; a lost announcement is covered by the time-outs above (the MQTT keep-alive, the HTTP and WebSocket
    /// reads), which end the connection and so recover. Any failed send or read closes the socket: bytes were lost, so
    /// the stream above cannot go on. Field firmware varies (<see cref="SocketCommandSet.Variants"/>): a SIMCom read answers
    /// with or without the id before the length, at most 512 bytes, possibly fewer than asked or announced, and an OK
    /// left out after a send's bytes is waited for only a quiet time. Send and Receive each keep one command object, so
    /// neither allocates per call.
    /// </summary>
    public sealed class ModemSocket : ISecureSocket, IDisposable
    {
        private const int CommandCapacity = 40;

        private readonly ModemSocketTable table;
        private readonly AtChannel channel;
        private readonly IClock clock;
        private readonly SocketCommandSet commands;
        private readonly int cid;
        private readonly object sync = new object();
        private readonly AutoResetEvent dataSignal = new AutoResetEvent(false);
        private readonly AtCommand sendCommand;
        private readonly AtCommand receiveCommand;
        private bool closed;
        private bool released;
        private bool dataWaiting;
        private string closeReason;

        internal ModemSocket(ModemSocketTable table, AtChannel channel, IClock clock, SocketCommandSet commands, int cid)
        {
            this.table = table;
            this.channel = channel;
            this.clock = clock;
            this.commands = commands;
            this.cid = cid;
            sendCommand = new AtCommand(CommandCapacity, 0, 0).ExpectNoLines().ExpectSuccessLine(commands.SendSuccessLine).ExpectFailureLine(commands.SendFailureLine);
            receiveCommand = new AtCommand(CommandCapacity, 32, 1).Expect(commands.ReceiveAnswer, 0);
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
                int piece = count - sent < commands.MaxSendChunk ? count - sent : commands.MaxSendChunk;
                sendCommand.Begin(commands.Send).Append(cid).Append(",").Append(piece)
                    .WithPayload(AtPrompt.Angle, buffer, offset + sent, piece)
                    .AcceptMissingFinal(commands.SendFinalQuietMs)
                    .WithTimeout(commands.SendTimeoutMs);
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

            int max = count < commands.MaxReceiveChunk ? count : commands.MaxReceiveChunk;
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

                    // Taken before reading: an announcement that arrives during or after this read sets it again.
                    dataWaiting = false;
                    dataSignal.Reset();
                }

                if (waiting || wasClosed)
                {
                    int read = ReadOnce(buffer, offset, max);
                    if (read == max)
                    {
                        // The module announces data only when none waited: what a full read may have left is not announced.
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
                // The outcome does not matter: the id is freed on the module either way, or was already (a socket the
                // peer closed may be gone on the modem).
                channel.Execute(new AtCommand(CommandCapacity, 0, 0).Begin(commands.Close).Append(cid).WithTimeout(commands.CloseTimeoutMs));
            }

            MarkClosed("closed locally");
            table.Release(cid, this);
        }

        /// <summary>Closes the socket (see <see cref="Close"/>).</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>The module announced data (+CADATAIND, +QSSLURC "recv"): it waits in the modem.</summary>
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
        /// a new socket, so this one must never send its close command for it.
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
            receiveCommand.Begin(commands.Receive).Append(cid).Append(",").Append(max)
                .WithRawRead(commands.ReceiveBlock, buffer, offset, max)
                .WithInlineRawId(commands.ReceiveNamesId ? cid : -1)
                .WithTimeout(commands.ReceiveTimeoutMs);
            if (channel.Execute(receiveCommand) != AtOutcome.Ok)
            {
                if (IsClosed)
                {
                    return 0;
                }

                Fail("receive failed: " + new AtCommandException(receiveCommand).Message);
            }

            // An answer of 0 bytes carries no block, so the raw count stays 0.
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
