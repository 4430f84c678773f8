namespace CellularIot.Net.WebSockets
{
    /// <summary>
    /// The header of the server's frame being read (RFC 6455 section 5.2), gathered a few bytes at a time: the two
    /// fixed bytes, then the extended length they announce. What the first two bytes decide is checked before
    /// waiting for more. A server's frame is never masked, so it has no masking key.
    /// </summary>
    internal sealed class WebSocketFrameHeader
    {
        private const int MaxLength = 10;

        private readonly byte[] bytes = new byte[MaxLength];
        private int have;

        /// <summary>Where the next header bytes go.</summary>
        public byte[] Bytes
        {
            get { return bytes; }
        }

        /// <summary>How many header bytes are in.</summary>
        public int Have
        {
            get { return have; }
        }

        /// <summary>How long the header is, as far as the bytes in so far tell (2 until the first two are in).</summary>
        public int Length
        {
            get
            {
                if (have < 2)
                {
                    return 2;
                }

                int code = bytes[1] & 0x7F;
                return 2 + (code == 126 ? 2 : (code == 127 ? 8 : 0));
            }
        }

        /// <summary>True when the whole header is in.</summary>
        public bool IsComplete
        {
            get { return have == Length; }
        }

        /// <summary>True when this frame ends its message.</summary>
        public bool Fin
        {
            get { return (bytes[0] & 0x80) != 0; }
        }

        /// <summary>The frame's opcode (<see cref="WebSocketOpcode"/>).</summary>
        public int Opcode
        {
            get { return bytes[0] & 0x0F; }
        }

        /// <summary>Counts <paramref name="count"/> more bytes in.</summary>
        public void Added(int count)
        {
            have += count;
        }

        /// <summary>Starts the next frame's header.</summary>
        public void Clear()
        {
            have = 0;
        }

        /// <summary>
        /// Checks everything the first two bytes decide, given whether a fragmented message is open. Returns 0 when
        /// the frame may follow, else the close status to end the connection with and, in <paramref name="problem"/>, why.
        /// </summary>
        public int CheckFirstBytes(bool messageOpen, out string problem)
        {
            problem = null;
            int opcode = Opcode;
            if ((bytes[0] & 0x70) != 0)
            {
                problem = "reserved bits set, but no extension was negotiated";
            }
            else if ((bytes[1] & 0x80) != 0)
            {
                problem = "the server masked a frame";
            }
            else if (opcode >= WebSocketOpcode.FirstControl)
            {
                if (opcode != WebSocketOpcode.Close && opcode != WebSocketOpcode.Ping && opcode != WebSocketOpcode.Pong)
                {
                    problem = "unknown control opcode " + opcode;
                }
                else if (!Fin || (bytes[1] & 0x7F) > WebSocketOpcode.MaxControlPayload)
                {
                    problem = "control frames must be unfragmented and at most 125 bytes";
                }
            }
            else if (opcode == WebSocketOpcode.Continuation)
            {
                if (!messageOpen)
                {
                    problem = "continuation frame outside a message";
                }
            }
            else if (opcode == WebSocketOpcode.Binary)
            {
                if (messageOpen)
                {
                    problem = "new message before the fragmented one ended";
                }
            }
            else if (opcode == WebSocketOpcode.Text)
            {
                problem = "text frame: MQTT travels in binary frames only";
                return WebSocketCloseStatus.UnsupportedData;
            }
            else
            {
                problem = "unknown data opcode " + opcode;
            }

            return problem == null ? 0 : WebSocketCloseStatus.ProtocolError;
        }

        /// <summary>The payload length of the complete header; -1 for a 64-bit length with its top bit set, which RFC 6455 forbids.</summary>
        public long PayloadLength()
        {
            long length = bytes[1] & 0x7F;
            if (length == 126)
            {
                return (bytes[2] << 8) | bytes[3];
            }

            if (length == 127)
            {
                if ((bytes[2] & 0x80) != 0)
                {
                    return -1;
                }

                length = 0;
                for (int i = 2; i < 10; i++)
                {
                    length = (length << 8) | bytes[i];
                }
            }

            return length;
        }
    }
}
