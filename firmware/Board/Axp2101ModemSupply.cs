namespace CellularIot.Board
{
    using System;
    using System.Device.I2c;
    using nanoFramework.Hardware.Esp32;

    /// <summary>
    /// Switches on the SIM7080G's supply on boards where an X-Powers AXP2101 PMU feeds it from its DC3 rail
    /// (the LilyGO T-SIM7080G-S3): until DC3 is set to 3.0 V and enabled, the modem has no power at all.
    /// Register facts from the AXP2101 datasheet as used by LilyGO's XPowersLib: DC3 voltage in register 0x84
    /// (bits 6:0; 1.6 to 3.4 V in 100 mV steps from code 88), DC enables in register 0x80 (bit 2 = DC3).
    /// </summary>
    public static class Axp2101ModemSupply
    {
        private const int PmuAddress = 0x34;
        private const byte DcEnableRegister = 0x80;
        private const byte Dc3VoltageRegister = 0x84;
        private const byte Dc3EnableBit = 0x04;
        private const int Dc3Millivolts = 3000;

        /// <summary>Sets DC3 to 3.0 V and enables it, keeping every other bit of both registers.</summary>
        /// <exception cref="InvalidOperationException">The PMU did not answer on I2C.</exception>
        public static void SwitchOn(int dataPin, int clockPin)
        {
            Configuration.SetPinFunction(dataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(clockPin, DeviceFunction.I2C1_CLOCK);
            using (I2cDevice pmu = I2cDevice.Create(new I2cConnectionSettings(1, PmuAddress)))
            {
                byte voltageCode = (byte)(88 + ((Dc3Millivolts - 1600) / 100));
                byte voltage = ReadRegister(pmu, Dc3VoltageRegister);
                WriteRegister(pmu, Dc3VoltageRegister, (byte)((voltage & 0x80) | voltageCode));
                byte enables = ReadRegister(pmu, DcEnableRegister);
                WriteRegister(pmu, DcEnableRegister, (byte)(enables | Dc3EnableBit));
            }
        }

        private static byte ReadRegister(I2cDevice pmu, byte register)
        {
            byte[] value = new byte[1];
            Check(pmu.WriteRead(new byte[] { register }, value), register);
            return value[0];
        }

        private static void WriteRegister(I2cDevice pmu, byte register, byte value)
        {
            Check(pmu.Write(new byte[] { register, value }), register);
        }

        private static void Check(I2cTransferResult result, byte register)
        {
            if (result.Status != I2cTransferStatus.FullTransfer)
            {
                throw new InvalidOperationException("AXP2101 PMU did not answer at register 0x" + register.ToString("X2") + " (" + result.Status + ")");
            }
        }
    }
}
