namespace System.IO.Ports
{
    using System.Threading;
    using CellularIot.Esp32Model;

    /// <summary>
    /// nanoFramework's SerialPort as it behaves on an ESP32 (managed side: nanoframework/System.IO.Ports
    /// SerialPort.cs; native side: nf-interpreter targets/ESP32/_nanoCLR/System.IO.Ports). What differs from
    /// desktop .NET, and so what this model enforces:
    /// <list type="bullet">
    /// <item>Read waits until <c>count</c> bytes are in the receive buffer, or throws TimeoutException after
    /// ReadTimeout; it never returns fewer bytes than asked for.</item>
    /// <item>ReadTimeout starts infinite and refuses 0 or less, so it cannot be set back to "wait for ever" or
    /// to "do not wait".</item>
    /// <item>The receive buffer holds ReadBufferSize bytes (256 unless set before Open); the driver drops what
    /// arrives beyond it without a word.</item>
    /// <item>A count larger than the buffer array is an InvalidOperationException, not an ArgumentException.</item>
    /// <item>One SerialPort per UART: a second one for the same port is an ArgumentException.</item>
    /// </list>
    /// </summary>
    internal sealed class SerialPort : IDisposable
    {
        /// <summary>The infinite time-out, the default of ReadTimeout and WriteTimeout.</summary>
        public const int InfiniteTimeout = -1;

        private readonly Esp32Uart uart;
        private int readTimeout = InfiniteTimeout;
        private int readBufferSize = Esp32Uart.DefaultReceiveBufferBytes;
        private bool opened;
        private bool disposed;

        /// <summary>Claims the model UART named <paramref name="portName"/> (see <see cref="Esp32Uart.Install"/>).</summary>
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One)
        {
            uart = Esp32Uart.Claim(portName);
            BaudRate = baudRate;
            DataBits = dataBits;
            Parity = parity;
            StopBits = stopBits;
        }

        /// <summary>The baud rate the port was created with.</summary>
        public int BaudRate { get; }

        /// <summary>The data bits the port was created with.</summary>
        public int DataBits { get; }

        /// <summary>The parity the port was created with.</summary>
        public Parity Parity { get; }

        /// <summary>The stop bits the port was created with.</summary>
        public StopBits StopBits { get; }

        /// <summary>Milliseconds a Read waits; infinite until set, and never settable to 0 or less.</summary>
        public int ReadTimeout
        {
            get
            {
                return readTimeout;
            }

            set
            {
                if (value <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                readTimeout = value;
            }
        }

        /// <summary>The receive buffer's size; it takes effect at Open, so setting it later is refused.</summary>
        public int ReadBufferSize
        {
            get
            {
                return readBufferSize;
            }

            set
            {
                if (value <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                if (opened)
                {
                    throw new InvalidOperationException("ReadBufferSize takes effect when the port opens; set it before Open");
                }

                readBufferSize = value;
            }
        }

        /// <summary>Bytes waiting in the receive buffer.</summary>
        public int BytesToRead
        {
            get
            {
                RequireOpen();
                return uart.Buffered;
            }
        }

        /// <summary>Opens the port: the receive buffer is allocated now, at its current size.</summary>
        public void Open()
        {
            if (opened)
            {
                throw new InvalidOperationException();
            }

            uart.Open(readBufferSize);
            opened = true;
        }

        /// <summary>Waits for exactly <paramref name="count"/> bytes, as the ESP32 driver does.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            RequireOpen();
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset > buffer.Length || count > buffer.Length)
            {
                throw new InvalidOperationException();
            }

            if (offset + count > buffer.Length)
            {
                throw new ArgumentException("offset plus count is past the buffer", nameof(count));
            }

            return uart.ReadExactly(buffer, offset, count, readTimeout);
        }

        /// <summary>Sends the bytes to the far side.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            RequireOpen();
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset + count > buffer.Length)
            {
                throw new ArgumentException("offset plus count is past the buffer", nameof(count));
            }

            uart.Transmit(buffer, offset, count);
        }

        /// <summary>Closes the port and gives the UART back.</summary>
        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                opened = false;
                uart.Release();
            }
        }

        private void RequireOpen()
        {
            if (!opened)
            {
                throw new InvalidOperationException("the port is not open");
            }
        }
    }

    /// <summary>Parity, as nanoFramework numbers it.</summary>
    internal enum Parity
    {
        /// <summary>No parity bit.</summary>
        None = 0,

        /// <summary>Odd parity.</summary>
        Odd = 1,

        /// <summary>Even parity.</summary>
        Even = 2,
    }

    /// <summary>Stop bits, as nanoFramework numbers them.</summary>
    internal enum StopBits
    {
        /// <summary>One stop bit.</summary>
        One = 1,

        /// <summary>Two stop bits.</summary>
        Two = 2,

        /// <summary>One and a half stop bits.</summary>
        OnePointFive = 3,
    }
}
