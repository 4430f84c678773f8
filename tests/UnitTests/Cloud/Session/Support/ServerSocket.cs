namespace CellularIot.Tests.Cloud.Session.Support
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Tests.Support;

    /// <summary>
    /// The far end of a secure socket, run inside the test: bytes the session sends go to <see cref="OnReceived"/>,
    /// which answers through <see cref="Answer"/>; a receive with nothing to read lets the manual clock run for
    /// the time the session was willing to wait, as a quiet real socket would.
    /// </summary>
    public abstract class ServerSocket : ISecureSocket
    {
        // Far more than any answer here: a broker's few packets, or one HTTP response.
        private const int QueueBytes = 8192;

        private readonly ManualClock clock;
        private readonly ByteRing outgoing = new ByteRing(QueueBytes);
        private bool closedByPeer;
        private bool closedLocally;

        protected ServerSocket(ManualClock clock)
        {
            this.clock = clock;
        }

        public event EventHandler Closed;

        public int Id
        {
            get { return 0; }
        }

        public bool IsClosed
        {
            get { return closedLocally || (closedByPeer && outgoing.Count == 0); }
        }

        /// <summary>True once the session closed the socket.</summary>
        public bool ClosedLocally
        {
            get { return closedLocally; }
        }

        /// <summary>Everything the session sent, as text (control bytes other than CR and LF, and bytes above 0x7E, as '?').</summary>
        public string SentText { get; private set; } = string.Empty;

        /// <summary>Ends the connection from this side; what was already answered can still be read.</summary>
        public void CloseFromPeer()
        {
            closedByPeer = true;
            EventHandler handler = Closed;
            if (handler != null)
            {
                handler(this, EventArgs.Empty);
            }
        }

        public void Send(byte[] buffer, int offset, int count)
        {
            if (IsClosed || closedByPeer)
            {
                throw new SocketClosedException("the server closed the connection");
            }

            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                chars[i] = (b >= 0x20 && b < 0x7F) || b == '\r' || b == '\n' ? (char)b : '?';
            }

            SentText += new string(chars);
            OnReceived(buffer, offset, count);
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (outgoing.Count > 0)
            {
                return outgoing.Read(buffer, offset, count);
            }

            if (IsClosed)
            {
                throw new SocketClosedException("closed");
            }

            clock.Advance(timeoutMs);
            return 0;
        }

        public void Close()
        {
            closedLocally = true;
        }

        /// <summary>Queues bytes for the session to read.</summary>
        public void Answer(byte[] bytes)
        {
            if (outgoing.Write(bytes, 0, bytes.Length) != bytes.Length)
            {
                throw new InvalidOperationException("the test server's answer queue is full");
            }
        }

        /// <summary>Queues text for the session to read.</summary>
        public void Answer(string text)
        {
            Answer(Utf8.GetBytes(text));
        }

        /// <summary>Takes the bytes the session sent, as they arrive.</summary>
        protected abstract void OnReceived(byte[] buffer, int offset, int count);
    }
}
