namespace CellularIot.App.Config
{
    /// <summary>
    /// The wiring of one purchasable board: which ESP32 pins reach the modem, and how the modem gets power.
    /// A different board is a different preset (or pins in the configuration), never a fork of the code.
    /// </summary>
    public class BoardPreset
    {
        /// <summary>
        /// LilyGO T-SIM7080G-S3 (ESP32-S3 + SIM7080G + AXP2101 PMU). Pin map from LilyGO's published
        /// example for the board (Xinyuan-LilyGO/LilyGo-T-SIM7080G, examples/ModemMqttPublishExample/utilities.h:
        /// BOARD_MODEM_PWR_PIN 41, BOARD_MODEM_RXD_PIN 4, BOARD_MODEM_TXD_PIN 5, I2C_SDA 15, I2C_SCL 7). The modem's supply is the
        /// PMU's DC3 rail, which must be set to 3.0 V and enabled over I2C before the modem can start.
        /// </summary>
        public static readonly BoardPreset LilyGoTSim7080GS3 = new BoardPreset("lilygo-t-sim7080g-s3", ModemChoice.Sim7080, 4, 5, 41, true, 15, 7);

        /// <summary>
        /// A SIM7080G module wired to an ESP32 DevKit: the pins are an example wiring and come from the
        /// configuration (modemRxPin, modemTxPin, powerKeyPin); the module has its own supply.
        /// </summary>
        public static readonly BoardPreset GenericEsp32Sim7080G = new BoardPreset("generic-esp32-sim7080g", ModemChoice.Sim7080, 16, 17, 18, false, -1, -1);

        /// <summary>
        /// A Quectel BG95 module (BG95-M3 on a breakout with 3.3 V level shifting and its own supply) wired to an ESP32
        /// DevKit: the same example wiring on UART2's usual pins, to be changed in the configuration.
        /// </summary>
        public static readonly BoardPreset GenericEsp32Bg95 = new BoardPreset("generic-esp32-bg95", ModemChoice.Bg95, 16, 17, 18, false, -1, -1);

        /// <summary>Creates a preset.</summary>
        public BoardPreset(string name, ModemChoice modem, int modemRxPin, int modemTxPin, int powerKeyPin, bool modemPoweredByAxp2101, int pmuDataPin, int pmuClockPin)
        {
            Name = name;
            Modem = modem;
            ModemRxPin = modemRxPin;
            ModemTxPin = modemTxPin;
            PowerKeyPin = powerKeyPin;
            ModemPoweredByAxp2101 = modemPoweredByAxp2101;
            PmuDataPin = pmuDataPin;
            PmuClockPin = pmuClockPin;
        }

        /// <summary>The preset's name as written in device.conf.</summary>
        public string Name { get; }

        /// <summary>The modem the board carries.</summary>
        public ModemChoice Modem { get; }

        /// <summary>The ESP32 pin that receives from the modem (the modem's TXD).</summary>
        public int ModemRxPin { get; }

        /// <summary>The ESP32 pin that sends to the modem (the modem's RXD).</summary>
        public int ModemTxPin { get; }

        /// <summary>The ESP32 pin that drives the modem's PWRKEY.</summary>
        public int PowerKeyPin { get; }

        /// <summary>True when an AXP2101 PMU must switch the modem's supply on first.</summary>
        public bool ModemPoweredByAxp2101 { get; }

        /// <summary>The PMU's I2C data pin, or -1.</summary>
        public int PmuDataPin { get; }

        /// <summary>The PMU's I2C clock pin, or -1.</summary>
        public int PmuClockPin { get; }

        /// <summary>The preset named <paramref name="name"/>, or null.</summary>
        public static BoardPreset Find(string name)
        {
            if (name == LilyGoTSim7080GS3.Name)
            {
                return LilyGoTSim7080GS3;
            }

            if (name == GenericEsp32Sim7080G.Name)
            {
                return GenericEsp32Sim7080G;
            }

            if (name == GenericEsp32Bg95.Name)
            {
                return GenericEsp32Bg95;
            }

            return null;
        }

        /// <summary>This preset with other modem pins, for a board wired differently.</summary>
        public BoardPreset WithPins(int modemRxPin, int modemTxPin, int powerKeyPin)
        {
            return new BoardPreset(Name, Modem, modemRxPin, modemTxPin, powerKeyPin, ModemPoweredByAxp2101, PmuDataPin, PmuClockPin);
        }
    }
}
