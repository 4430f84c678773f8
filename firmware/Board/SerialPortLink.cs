namespace CellularIot.Board
{
    using System;
    using System.IO.Ports;
    using CellularIot.At;

    /// <summary>The modem's UART as the AT layer's byte link.</summary>
    public sealed class SerialPortLink : IByteLink, IDisposable
    {
        private readonly SerialPort port;

        /// <summary>Opens <paramref name="portName"/> (for example "COM2") at 8N1 and <paramref name="baudRate"/>.</summary>
        public SerialPortLink(string portName, int baudRate)
        {
            port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            port.Open();
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (port.BytesToRead == 0)
            {
                // nanoFramework's ReadTimeout rejects values below 1 ms, so a poll is answered here.
                if (timeoutMs <= 0)
                {
                    return 0;
                }

                port.ReadTimeout = timeoutMs;
            }

            try
            {
                return port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
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
    }
}
