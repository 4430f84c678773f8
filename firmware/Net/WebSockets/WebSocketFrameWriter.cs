namespace CellularIot.Net.WebSockets
{
    using System;

    /// <summary>
    /// Writes client frames (RFC 6455 section 5.2): FIN set, the payload masked with a fresh key from the random
    /// source, and staged through a fixed buffer whatever the frame size. Not thread-safe: the transport calls it
    /// under its lock.
    /// </summary>
    internal sealed class WebSocketFrameWriter
    {
        private const int MaxFrameHeader = 14;

        // Masked payload is staged through this much memory, whatever the frame size, and each piece is one write of
        // the transport: as much as one modem send command carries (1460 bytes on the SIM7080G), so that a frame of
        // CONNECT, SUBSCRIBE and a message goes out in one command.
        private const int SendChunkBytes = 1460 - MaxFrameHeader;

        private readonly ITransport inner;
        private readonly Random random;
        private readonly byte[] sendBuffer = new byte[MaxFrameHeader + SendChunkBytes];
        private readonly byte[] mask = new byte[4];

        public WebSocketFrameWriter(ITransport inner, Random random)
        {
            this.inner = inner;
            this.random = random;
        }

        /// <summary>Writes one whole frame of <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
        /// <exception cref="TransportClosedException">The inner transport is closed.</exception>
        public void Write(int opcode, byte[] data, int offset, int length)
        {
            random.NextBytes(mask);
            int at = 0;
            sendBuffer[at++] = (byte)(0x80 | opcode);
            if (length < 126)
            {
                sendBuffer[at++] = (byte)(0x80 | length);
            }
            else if (length <= 0xFFFF)
            {
                sendBuffer[at++] = 0x80 | 126;
                sendBuffer[at++] = (byte)(length >> 8);
                sendBuffer[at++] = (byte)length;
            }
            else
            {
                sendBuffer[at++] = 0x80 | 127;
                for (int shift = 56; shift >= 0; shift -= 8)
                {
                    sendBuffer[at++] = (byte)((long)length >> shift);
                }
            }

            Array.Copy(mask, 0, sendBuffer, at, 4);
            at += 4;
            int done = 0;
            do
            {
                int room = sendBuffer.Length - at;
                int piece = length - done < room ? length - done : room;
                for (int i = 0; i < piece; i++)
                {
                    sendBuffer[at + i] = (byte)(data[offset + done + i] ^ mask[(done + i) & 3]);
                }

                inner.Write(sendBuffer, 0, at + piece);
                done += piece;
                at = 0;
            }
            while (done < length);
        }
    }
}
