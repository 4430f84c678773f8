namespace CellularIot.Board
{
    using System;
    using System.Device.Gpio;
    using System.Threading;
    using CellularIot.App;
    using CellularIot.App.Config;
    using CellularIot.Bytes;
    using CellularIot.Cloud;
    using CellularIot.Modem;
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
        private const string ModemPort = "COM2";

        /// <summary>Starts the firmware.</summary>
        public static void Main()
        {
            var log = new ConsoleLog();
            var storage = new FlashBlobStore(FlashBlobStore.InternalDrive);
            DeviceSettings settings = LoadSettings(storage, log);
            BoardPreset board = settings.ResolveBoard();
            byte[] caPem = LoadCa(storage, log);
            if (board.ModemPoweredByAxp2101)
            {
                SwitchModemSupplyOn(board, log);
            }

            IPowerKey powerKey = OpenPowerKey(board.PowerKeyPin, log);
            while (true)
            {
                // A UART that cannot be set up (pins taken, driver not installed) is tried again after the pause.
                SerialPortLink link = OpenModemLink(board, settings.BaudRate, log);
                if (link != null)
                {
                    using (link)
                    {
                        RunDevice(settings, link, powerKey, storage, caPem, log);
                    }
                }

                Thread.Sleep(RestartPauseMs);
            }
        }

        private static void RunDevice(DeviceSettings settings, SerialPortLink link, IPowerKey powerKey, FlashBlobStore storage, byte[] caPem, ILog log)
        {
            Device device = null;
            var clock = new DeviceClock();
            try
            {
                // The driver is chosen here, from device.conf's modem (or the board preset's).
                IModemFactory modems = ModemFactories.For(settings, powerKey);
                device = new Device(settings, modems, Device.SessionSettingsFor(settings), link, storage, caPem, clock, log, new DeviceSensors(clock));
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
            byte[] file;
            try
            {
                file = storage.Read(ConfigFile, DeviceSettingsParser.MaxFileBytes);
            }
            catch (Exception ex)
            {
                // A flash drive that cannot be read (not formatted, not mounted) leaves the compiled defaults.
                log.Warn("cannot read " + ConfigFile + " (" + ex.Message + "): using the compiled defaults");
                return new DeviceSettings();
            }

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

        private static byte[] LoadCa(FlashBlobStore storage, ILog log)
        {
            byte[] caPem = null;
            try
            {
                caPem = storage.Read(CaFile, MaxCaBytes);
            }
            catch (Exception ex)
            {
                log.Warn("cannot read " + CaFile + ": " + ex.Message);
            }

            if (caPem == null)
            {
                log.Info("no " + CaFile + " on flash: using the Amazon Root CA 1 built into the firmware");
                caPem = Utf8.GetBytes(AmazonRootCa1.Pem);
            }

            return caPem;
        }

        // I2cDevice.Create throws a plain Exception when the pins are taken and ArgumentException when the I2C
        // driver cannot install; a PMU that does not answer is an InvalidOperationException. None of them is
        // fatal: the PMU may have kept its setting from before a reset, and the bring-up will tell.
        private static void SwitchModemSupplyOn(BoardPreset board, ILog log)
        {
            try
            {
                Axp2101ModemSupply.SwitchOn(board.PmuDataPin, board.PmuClockPin);
            }
            catch (Exception ex)
            {
                log.Warn("modem supply through the AXP2101 PMU not switched on: " + ex.Message);
            }
        }

        private static IPowerKey OpenPowerKey(int pin, ILog log)
        {
            try
            {
                return new GpioPowerKey(new GpioController(), pin);
            }
            catch (Exception ex)
            {
                log.Warn("PWRKEY on GPIO " + pin + " not available (" + ex.Message + "): the modem must be powered by other means");
                return new AbsentPowerKey();
            }
        }

        private static SerialPortLink OpenModemLink(BoardPreset board, int baudRate, ILog log)
        {
            try
            {
                Configuration.SetPinFunction(board.ModemRxPin, DeviceFunction.COM2_RX);
                Configuration.SetPinFunction(board.ModemTxPin, DeviceFunction.COM2_TX);
                return new SerialPortLink(ModemPort, baudRate);
            }
            catch (Exception ex)
            {
                log.Warn("the modem's UART " + ModemPort + " could not be opened: " + ex.Message);
                return null;
            }
        }
    }
}
