namespace CellularIot.Esp32Model
{
    using System;
    using System.Threading;
    using CellularIot.At;

    /// <summary>
    /// Wires a model UART to the far end of a serial line (the modem simulator's side): what the far end sends
    /// is delivered into the UART's receive buffer as it arrives, so the driver's limits apply, and what the
    /// firmware writes to the port goes to the far end.
    /// </summary>
    public sealed class UartBridge : IDisposable
    {
        private readonly Esp32Uart uart;
        private readonly IByteLink farEnd;
        private readonly Thread pump;
        private volatile bool stopping;

        /// <summary>Starts carrying bytes between <paramref name="uart"/> and <paramref name="farEnd"/>.</summary>
        public UartBridge(Esp32Uart uart, IByteLink farEnd)
        {
            this.uart = uart ?? throw new ArgumentNullException(nameof(uart));
            this.farEnd = farEnd ?? throw new ArgumentNullException(nameof(farEnd));
            uart.Transmitted += OnTransmitted;
            pump = new Thread(Pump) { IsBackground = true, Name = "uart bridge " + uart.PortName };
            pump.Start();
        }

        /// <summary>Stops carrying bytes.</summary>
        public void Dispose()
        {
            stopping = true;
            uart.Transmitted -= OnTransmitted;
            pump.Join();
        }

        private void OnTransmitted(object sender, UartBytesEventArgs e) => farEnd.Write(e.Bytes, 0, e.Bytes.Length);

        private void Pump()
        {
            byte[] chunk = new byte[64];
            try
            {
                while (!stopping)
                {
                    int read = farEnd.Read(chunk, 0, chunk.Length, 50);
                    if (read > 0)
                    {
                        uart.Deliver(chunk, 0, read);
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                // The line was cut: nothing more arrives.
            }
        }
    }
}
