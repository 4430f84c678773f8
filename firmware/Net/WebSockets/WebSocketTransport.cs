namespace CellularIot.Net.WebSockets
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net.Http;
    using CellularIot.Support;

    /// <summary>
    /// An RFC 6455 WebSocket client that is itself an <see cref="ITransport"/>, so MQTT runs over it unchanged:
    /// <see cref="Write"/> sends masked binary frames, <see cref="Read"/> delivers the payload of the server's
    /// binary frames as one byte stream (MQTT over WebSocket ignores frame boundaries, so fragments need no
    /// buffering: a message is reassembled in order as it streams through). Pings are answered, a close is
    /// echoed, and frames and messages over the size limits end the connection with code 1009.
    /// Frames are written by <see cref="WebSocketFrameWriter"/> and their headers read into <see cref="WebSocketFrameHeader"/>.
    /// <para>
    /// One thread reads; any thread may write or close. Receive state belongs to the reading thread; writes,
    /// the mask source and the open/closed state are guarded by one lock.
    /// </para>
    /// </summary>
    public class WebSocketTransport : ITransport
    {
        private readonly ITransport inner;
        private readonly IClock clock;
        private readonly Random random;
        private readonly WebSocketFrameWriter frames;
        private readonly WebSocketFrameHeader header = new WebSocketFrameHeader();
        private readonly WebSocketSettings settings;
        private readonly TransportReader reader;
        private readonly object sync = new object();
        private readonly byte[] control = new byte[WebSocketOpcode.MaxControlPayload];

        private bool connected;
        private bool closed;
        private bool closeSent;
        private int closeStatus;
        private string closedReason;

        private long payloadLeft;
        private int controlOpcode = -1;
        private int controlLength;
        private int controlHave;
        private bool messageOpen;
        private long messageBytes;

        /// <summary>
        /// Creates a client over the connected <paramref name="inner"/> transport (on the device, the modem's
        /// TLS socket to the IoT Core endpoint). <paramref name="random"/> supplies the key and the frame masks.
        /// </summary>
        public WebSocketTransport(ITransport inner, IClock clock, Random random, WebSocketSettings settings)
        {
            if (inner == null)
            {
                throw new ArgumentNullException(nameof(inner));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            this.inner = inner;
            this.clock = clock;
            this.random = random;
            this.settings = settings;
            reader = new TransportReader(inner, new HttpSettings().MaxHeaderLineBytes);
            frames = new WebSocketFrameWriter(inner, random);
        }

        /// <summary>True after a successful <see cref="Connect"/> until either side closes.</summary>
        public bool IsOpen
        {
            get
            {
                lock (sync)
                {
                    return connected && !closed && inner.IsOpen;
                }
            }
        }

        /// <summary>The close code received or sent when the connection ended; 0 while open.</summary>
        public int CloseStatus
        {
            get
            {
                lock (sync)
                {
                    return closeStatus;
                }
            }
        }

        /// <summary>
        /// Performs the opening handshake with <paramref name="host"/> (the Host header), adding
        /// <paramref name="extraHeaders"/> (may be null) to the upgrade request.
        /// </summary>
        /// <exception cref="WebSocketException">The upgrade failed; the inner transport is closed.</exception>
        public void Connect(string host, HttpHeaders extraHeaders)
        {
            lock (sync)
            {
                if (connected || closed)
                {
                    throw new InvalidOperationException("Connect may be called once");
                }
            }

            string key = WebSocketHandshake.CreateKey(random);
            byte[] request;
            try
            {
                request = HttpRequestWriter.Format(WebSocketHandshake.CreateRequest(host, settings.Path, key, settings.Subprotocol, extraHeaders));
            }
            catch (ArgumentException e)
            {
                // A host or header no request can carry: the upgrade fails like any other, through its one error.
                Shutdown(0, "upgrade request not written: " + e.Message);
                throw new WebSocketException("the upgrade request cannot be written: " + e.Message, 0, 0);
            }

            HttpResponse head;
            try
            {
                inner.Write(request, 0, request.Length);
                HttpSettings limits = new HttpSettings();
                limits.ReadTimeoutMs = settings.HandshakeTimeoutMs;
                limits.OverallTimeoutMs = settings.HandshakeTimeoutMs;
                head = new HttpResponseReader(reader, clock, limits).ReadHead();
                WebSocketHandshake.Verify(head, key, settings.Subprotocol);
            }
            catch (HttpException e)
            {
                Shutdown(0, "upgrade failed: " + e.Message);
                throw new WebSocketException("upgrade failed: " + e.Message, 0, 0);
            }
            catch (TransportClosedException e)
            {
                Shutdown(0, e.Message);
                if (e is WebSocketException)
                {
                    throw;
                }

                throw new WebSocketException("connection closed during the upgrade (" + e.Message + ")", 0, 0);
            }

            lock (sync)
            {
                connected = true;
            }
        }

        /// <summary>
        /// Reads payload bytes of the server's binary messages, waiting at most <paramref name="timeoutMs"/>.
        /// Control frames met on the way are handled here. Returns 0 when the time ran out; a frame cut by a
        /// timeout is continued by the next call.
        /// </summary>
        /// <exception cref="WebSocketException">The server closed the WebSocket or broke the protocol.</exception>
        /// <exception cref="TransportClosedException">The connection is closed.</exception>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            CheckRange(buffer, offset, count);
            RequireConnected();
            long deadline = clock.MonotonicMs + (timeoutMs > 0 ? timeoutMs : 0);
            while (true)
            {
                ThrowIfClosed();
                if (count == 0)
                {
                    return 0;
                }

                if (payloadLeft > 0)
                {
                    int got = ReadInner(buffer, offset, payloadLeft < count ? (int)payloadLeft : count, deadline);
                    payloadLeft -= got;
                    return got;
                }

                if (controlOpcode >= 0)
                {
                    if (controlHave == controlLength)
                    {
                        HandleControl();
                        continue;
                    }

                    int got = ReadInner(control, controlHave, controlLength - controlHave, deadline);
                    if (got == 0)
                    {
                        return 0;
                    }

                    controlHave += got;
                    continue;
                }

                if (header.IsComplete)
                {
                    StartFrame();
                    continue;
                }

                int read = ReadInner(header.Bytes, header.Have, header.Length - header.Have, deadline);
                if (read == 0)
                {
                    return 0;
                }

                header.Added(read);
                if (header.Have == 2)
                {
                    // Everything that the first two bytes already decide is checked before waiting for more.
                    string problem;
                    int status = header.CheckFirstBytes(messageOpen, out problem);
                    if (status != 0)
                    {
                        throw Fail(status, problem);
                    }
                }
            }
        }

        /// <summary>Sends <paramref name="count"/> bytes as binary frames of at most <see cref="WebSocketSettings.MaxFrameBytes"/>.</summary>
        /// <exception cref="TransportClosedException">The connection is closed or closing.</exception>
        public void Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            RequireConnected();
            lock (sync)
            {
                if (closed || closeSent)
                {
                    throw new WebSocketException(closedReason == null ? "closing" : closedReason, closeStatus, 0);
                }

                try
                {
                    int at = 0;
                    while (at < count)
                    {
                        int length = count - at < settings.MaxFrameBytes ? count - at : settings.MaxFrameBytes;
                        frames.Write(WebSocketOpcode.Binary, buffer, offset + at, length);
                        at += length;
                    }
                }
                catch (TransportClosedException e)
                {
                    MarkClosedLocked(0, "connection ended while sending (" + e.Message + ")");
                    throw;
                }
            }
        }

        /// <summary>Sends a close frame (1000) if the connection is open, then closes the inner transport. Safe to call twice.</summary>
        public void Close()
        {
            lock (sync)
            {
                if (connected && !closed && !closeSent)
                {
                    closeSent = true;
                    try
                    {
                        byte[] status = { WebSocketCloseStatus.NormalClosure >> 8, WebSocketCloseStatus.NormalClosure & 0xFF };
                        frames.Write(WebSocketOpcode.Close, status, 0, 2);
                    }
                    catch (TransportClosedException)
                    {
                        // Closing anyway: a connection that is already gone needs no goodbye.
                    }
                }

                MarkClosedLocked(WebSocketCloseStatus.NormalClosure, "closed locally");
            }

            inner.Close();
        }

        private void StartFrame()
        {
            bool fin = header.Fin;
            int opcode = header.Opcode;
            long length = header.PayloadLength();
            if (length < 0)
            {
                throw Fail(WebSocketCloseStatus.ProtocolError, "64-bit frame length with the top bit set");
            }

            header.Clear();
            if (opcode >= WebSocketOpcode.FirstControl)
            {
                controlOpcode = opcode;
                controlLength = (int)length;
                controlHave = 0;
                return;
            }

            if (length > settings.MaxFrameBytes)
            {
                throw Fail(WebSocketCloseStatus.MessageTooBig, "frame of " + length + " bytes exceeds the limit of " + settings.MaxFrameBytes);
            }

            messageBytes = opcode == WebSocketOpcode.Binary ? length : messageBytes + length;
            if (messageBytes > settings.MaxMessageBytes)
            {
                throw Fail(WebSocketCloseStatus.MessageTooBig, "message of more than " + settings.MaxMessageBytes + " bytes");
            }

            messageOpen = !fin;
            payloadLeft = length;
        }

        private void HandleControl()
        {
            int opcode = controlOpcode;
            controlOpcode = -1;
            if (opcode == WebSocketOpcode.Ping)
            {
                lock (sync)
                {
                    if (!closed && !closeSent)
                    {
                        frames.Write(WebSocketOpcode.Pong, control, 0, controlLength);
                    }
                }

                return;
            }

            if (opcode == WebSocketOpcode.Pong)
            {
                return;
            }

            if (controlLength == 1)
            {
                throw Fail(WebSocketCloseStatus.ProtocolError, "close frame with a one-byte payload");
            }

            int status = WebSocketCloseStatus.NoStatusReceived;
            string reason = string.Empty;
            if (controlLength >= 2)
            {
                status = (control[0] << 8) | control[1];
                reason = ReasonText(controlLength - 2);
            }

            lock (sync)
            {
                if (!closeSent)
                {
                    closeSent = true;
                    try
                    {
                        // Echo the status received (section 5.5.1); a close without one is answered without one.
                        frames.Write(WebSocketOpcode.Close, control, 0, controlLength >= 2 ? 2 : 0);
                    }
                    catch (TransportClosedException)
                    {
                        // The server may close the socket right after its close frame; the echo is courtesy.
                    }
                }
            }

            string message = "closed by the server with status " + status + (reason.Length > 0 ? " (" + reason + ")" : string.Empty);
            Shutdown(status, message);
            throw new WebSocketException(message, status, 0);
        }

        private string ReasonText(int length)
        {
            try
            {
                return Utf8.Decode(control, 2, length);
            }
            catch (Utf8Exception)
            {
                return "reason not UTF-8";
            }
        }

        // Sends a close with 'status' (unless one was sent), closes everything and returns the error to throw.
        private WebSocketException Fail(int status, string message)
        {
            lock (sync)
            {
                if (!closeSent && !closed)
                {
                    closeSent = true;
                    try
                    {
                        byte[] code = { (byte)(status >> 8), (byte)status };
                        frames.Write(WebSocketOpcode.Close, code, 0, 2);
                    }
                    catch (TransportClosedException)
                    {
                        // The connection is being dropped for a protocol error either way.
                    }
                }
            }

            Shutdown(status, message);
            return new WebSocketException(message, status, 0);
        }

        private int ReadInner(byte[] destination, int offset, int count, long deadline)
        {
            long left = deadline - clock.MonotonicMs;
            int wait = left <= 0 ? 0 : (left > int.MaxValue ? int.MaxValue : (int)left);
            try
            {
                // Whatever the transport holds is taken into the buffer in one read (one AT+CARECV on the modem),
                // and frame headers and payloads are served from it: reading a header's two bytes straight from the
                // transport would cost a command for each piece of a frame.
                if (reader.Available == 0 && reader.Fill(wait) == 0)
                {
                    return 0;
                }

                return reader.Take(destination, offset, count);
            }
            catch (TransportClosedException e)
            {
                // Closed from another thread while this one waited: report that close, not a lost connection.
                ThrowIfClosed();
                string message = "connection ended without a close frame (" + e.Message + ")";
                Shutdown(0, message);
                throw new WebSocketException(message, 0, 0);
            }
        }

        private void Shutdown(int status, string reason)
        {
            lock (sync)
            {
                MarkClosedLocked(status, reason);
            }

            inner.Close();
        }

        private void MarkClosedLocked(int status, string reason)
        {
            if (!closed)
            {
                closed = true;
                closeStatus = status;
                closedReason = reason;
            }
        }

        private void ThrowIfClosed()
        {
            lock (sync)
            {
                if (closed)
                {
                    throw new WebSocketException(closedReason, closeStatus, 0);
                }
            }
        }

        private void RequireConnected()
        {
            lock (sync)
            {
                if (!connected && !closed)
                {
                    throw new InvalidOperationException("Connect first");
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
