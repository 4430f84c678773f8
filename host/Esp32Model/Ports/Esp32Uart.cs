namespace CellularIot.Esp32Model
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Threading;

    /// <summary>
    /// One ESP32 UART as the model SerialPort sees it, and its far side (the modem's end of the wire). The
    /// receive buffer is a ring of the size the port opened with; bytes that arrive while it is full, or while
    /// the port is closed, are dropped and counted, as the ESP32 driver drops them.
    /// </summary>
    public sealed class Esp32Uart
    {
        /// <summary>The receive buffer nanoFramework's ESP32 driver allocates unless told otherwise.</summary>
        public const int DefaultReceiveBufferBytes = 256;

        /// <summary>How long a read with the infinite default time-out may wait before the model calls it a hang.</summary>
        public const int InfiniteWaitGuardMs = 10000;

        private static readonly Dictionary<string, Esp32Uart> Installed = new Dictionary<string, Esp32Uart>(StringComparer.Ordinal);

        private readonly object gate = new object();
        private byte[] ring;
        private int head;
        private int count;
        private bool claimed;
        private long dropped;

        private Esp32Uart(string portName)
        {
            PortName = portName;
        }

        /// <summary>Raised on the writing thread with each block the firmware writes to the port.</summary>
        public event EventHandler<UartBytesEventArgs> Transmitted;

        /// <summary>The port name a SerialPort opens this UART by.</summary>
        public string PortName { get; }

        /// <summary>Bytes the driver dropped: arrived while the receive buffer was full or the port closed.</summary>
        public long Dropped
        {
            get
            {
                lock (gate)
                {
                    return dropped;
                }
            }
        }

        /// <summary>The receive buffer's size, or 0 before the port opened.</summary>
        public int ReceiveBufferBytes
        {
            get
            {
                lock (gate)
                {
                    return ring == null ? 0 : ring.Length;
                }
            }
        }

        internal int Buffered
        {
            get
            {
                lock (gate)
                {
                    return count;
                }
            }
        }

        /// <summary>Makes a UART available under <paramref name="portName"/>, replacing one of that name that no port holds.</summary>
        public static Esp32Uart Install(string portName)
        {
            lock (Installed)
            {
                if (Installed.TryGetValue(portName, out Esp32Uart existing) && existing.claimed)
                {
                    throw new InvalidOperationException(portName + " is in use");
                }

                var uart = new Esp32Uart(portName);
                Installed[portName] = uart;
                return uart;
            }
        }

        /// <summary>The far side sends bytes; what does not fit the receive buffer is dropped.</summary>
        public void Deliver(byte[] bytes, int offset, int length)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            lock (gate)
            {
                for (int i = 0; i < length; i++)
                {
                    if (ring == null || count == ring.Length)
                    {
                        dropped++;
                        continue;
                    }

                    ring[(head + count) % ring.Length] = bytes[offset + i];
                    count++;
                }

                Monitor.PulseAll(gate);
            }
        }

        internal static Esp32Uart Claim(string portName)
        {
            lock (Installed)
            {
                if (!Installed.TryGetValue(portName, out Esp32Uart uart))
                {
                    throw new IOException("no UART " + portName);
                }

                if (uart.claimed)
                {
                    throw new ArgumentException(portName + " already has a SerialPort", nameof(portName));
                }

                uart.claimed = true;
                return uart;
            }
        }

        internal void Open(int receiveBufferBytes)
        {
            lock (gate)
            {
                ring = new byte[receiveBufferBytes];
                head = 0;
                count = 0;
            }
        }

        internal void Release()
        {
            lock (Installed)
            {
                lock (gate)
                {
                    ring = null;
                    count = 0;
                    claimed = false;
                    Monitor.PulseAll(gate);
                }
            }
        }

        internal int ReadExactly(byte[] buffer, int offset, int wanted, int timeoutMs)
        {
            int waitMs = timeoutMs == System.IO.Ports.SerialPort.InfiniteTimeout ? InfiniteWaitGuardMs : timeoutMs;
            long deadline = Environment.TickCount64 + waitMs;
            lock (gate)
            {
                while (count < wanted)
                {
                    long left = deadline - Environment.TickCount64;
                    if (ring == null || left <= 0)
                    {
                        if (timeoutMs == System.IO.Ports.SerialPort.InfiniteTimeout)
                        {
                            throw new InvalidOperationException("SerialPort.Read with the default infinite ReadTimeout waited " + InfiniteWaitGuardMs
                                + " ms for " + wanted + " bytes (" + count + " buffered): on the device it would wait for ever");
                        }

                        throw new TimeoutException();
                    }

                    Monitor.Wait(gate, (int)left);
                }

                for (int i = 0; i < wanted; i++)
                {
                    buffer[offset + i] = ring[head];
                    head = (head + 1) % ring.Length;
                    count--;
                }

                return wanted;
            }
        }

        internal void Transmit(byte[] buffer, int offset, int length)
        {
            byte[] copy = new byte[length];
            Array.Copy(buffer, offset, copy, 0, length);
            Transmitted?.Invoke(this, new UartBytesEventArgs(copy));
        }
    }
}
