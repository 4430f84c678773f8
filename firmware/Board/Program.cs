namespace CellularIot.Board
{
    using System;
    using System.Device.Gpio;
    using System.Threading;
    using CellularIot.App;
    using CellularIot.App.Config;
    using CellularIot.Bytes;
    using CellularIot.Cloud;
    using CellularIot.Support;
    using nanoFramework.Hardware.Esp32;

    /// <summary>
    /// The nanoFramework entry point: reads I:\device.conf (or the compiled defaults) and the CA (I:\ or the
    /// built-in Amazon Root CA 1), powers and wires the modem for the board preset, and runs the device loop
    /// for ever. The loop never ends on an error it can recover from; anything else restarts the device from
    /// scratch after a pause.
    /// </summary>
    public static class Program
    {
        private const string ConfigFile = "device.conf";
        private const string CaFile = "AmazonRootCA1.pem";
        private const int MaxCaBytes = 8192;
        private const int RestartPauseMs = 30000;

        /// <summary>Starts the firmware.</summary>
        public static void Main()
        {
            var log = new ConsoleLog();
            var storage = new FlashBlobStore(FlashBlobStore.InternalDrive);
            DeviceSettings settings = LoadSettings(storage, log);
            BoardPreset board = settings.ResolveBoard();
            byte[] caPem = storage.Read(CaFile, MaxCaBytes);
            if (caPem == null)
            {
                log.Info("no " + CaFile + " on flash: using the Amazon Root CA 1 built into the firmware");
                caPem = Utf8.GetBytes(AmazonRootCa1.Pem);
            }

            if (board.ModemPoweredByAxp2101)
            {
                try
                {
                    Axp2101ModemSupply.SwitchOn(board.PmuDataPin, board.PmuClockPin);
                }
                catch (InvalidOperationException ex)
                {
                    // The modem may still have power (a PMU that kept its setting); the bring-up will tell.
                    log.Warn(ex.Message);
                }
            }

            Configuration.SetPinFunction(board.ModemRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(board.ModemTxPin, DeviceFunction.COM2_TX);
            var gpio = new GpioController();
            var powerKey = new GpioPowerKey(gpio, board.PowerKeyPin);
            using (var link = new SerialPortLink("COM2", settings.BaudRate))
            {
                while (true)
                {
                    RunDevice(settings, link, powerKey, storage, caPem, log);
                    Thread.Sleep(RestartPauseMs);
                }
            }
        }

        private static void RunDevice(DeviceSettings settings, SerialPortLink link, GpioPowerKey powerKey, FlashBlobStore storage, byte[] caPem, ILog log)
        {
            Device device = null;
            try
            {
                device = new Device(settings, Device.ModemSettingsFor(settings), Device.SessionSettingsFor(settings), link, powerKey, storage, caPem, new DeviceClock(), log, new DeviceSensors());
                while (true)
                {
                    device.Step();
                }
            }
            catch (Exception ex)
            {
                // The last line of defence: a fault nothing below recovered from restarts the whole device.
                log.Warn("device restart after: " + ex.Message);
            }
            finally
            {
                if (device != null)
                {
                    device.Dispose();
                }
            }
        }

        private static DeviceSettings LoadSettings(FlashBlobStore storage, ILog log)
        {
            byte[] file = storage.Read(ConfigFile, DeviceSettingsParser.MaxFileBytes);
            if (file == null)
            {
                log.Info("no " + ConfigFile + ": using the compiled defaults");
                return new DeviceSettings();
            }

            try
            {
                return DeviceSettingsParser.Parse(file);
            }
            catch (SettingsException ex)
            {
                log.Warn(ex.Message + "; using the compiled defaults");
                return new DeviceSettings();
            }
        }
    }
}
