namespace CellularIot.Board
{
    using System.Threading;
    using nanoFramework.Hardware.Esp32;

    /// <summary>The nanoFramework entry point: wires the ESP32's UART to the modem link.</summary>
    public static class Program
    {
        // LilyGO T-SIM7080G-S3: the modem's TXD reaches GPIO 4 and its RXD GPIO 5 (the board's published pin map).
        private const int ModemRxPin = 4;
        private const int ModemTxPin = 5;
        private const int ModemBaudRate = 115200;

        /// <summary>Starts the firmware.</summary>
        public static void Main()
        {
            Configuration.SetPinFunction(ModemRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(ModemTxPin, DeviceFunction.COM2_TX);
            using (var link = new SerialPortLink("COM2", ModemBaudRate))
            {
                // The device state machine that drives the link arrives with the App layer.
                Thread.Sleep(Timeout.Infinite);
            }
        }
    }
}
