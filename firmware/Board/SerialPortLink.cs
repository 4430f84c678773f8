namespace CellularIot.Board
{
    using System;
    using System.IO.Ports;
    using CellularIot.At;

    /// <summary>
    /// The modem's UART as the AT layer's byte link. On the ESP32, nanoFramework's SerialPort.Read returns only
    /// once <c>count</c> bytes are buffered (else it throws TimeoutException), so this link waits for the first
    /// byte alone and then asks for no more than <c>BytesToRead</c>: a 6-byte "OK" arrives as 6 bytes, not after
    /// hundreds more. ReadTimeout starts infinite and refuses 0, so it is set before every read.
    /// </summary>
    public sealed class SerialPortLink : IByteLink, IDisposable
    {
        /// <summary>
        /// The receive buffer the UART driver gets (256 bytes by default, and it drops what arrives beyond it
        /// without a word): one AT+CARECV answer of 512 bytes with its header and OK, plus the URCs that may
        /// come around it, twice over.
        /// </summary>
        public const int ReceiveBufferBytes = 2048;

        // A read of bytes already buffered never waits; this only bounds it should the driver misbehave.
        private const int BufferedReadTimeoutMs = 100;

        private readonly SerialPort port;

        /// <summary>Opens <paramref name="portName"/> (for example "COM2") at 8N1 and <paramref name="baudRate"/>.</summary>
        public SerialPortLink(string portName, int baudRate)
        {
            port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);

            // The buffer is allocated when the port opens, so its size is set first.
            port.ReadBufferSize = ReceiveBufferBytes;
            port.Open();
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (count <= 0)
            {
                return 0;
            }

            int available = port.BytesToRead;
            if (available > 0)
            {
                return ReadBuffered(buffer, offset, count, available);
            }

            // ReadTimeout refuses 0, so a poll that finds nothing is answered here.
            if (timeoutMs <= 0)
            {
                return 0;
            }

            port.ReadTimeout = timeoutMs;
            try
            {
                port.Read(buffer, offset, 1);
            }
            catch (TimeoutException)
            {
                return 0;
            }

            available = port.BytesToRead;
            return available > 0 && count > 1 ? 1 + ReadBuffered(buffer, offset + 1, count - 1, available) : 1;
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            port.Write(buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            port.Dispose();
        }

        private int ReadBuffered(byte[] buffer, int offset, int count, int available)
        {
            port.ReadTimeout = BufferedReadTimeoutMs;
            try
            {
                return port.Read(buffer, offset, available < count ? available : count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
        }
    }
}
