// Declaration-only contract of nanoFramework.Hardware.Esp32, holding exactly the members the Board layer
// uses, with the real signatures and enum values. Mirrors nanoframework/nanoFramework.Hardware.Esp32:
// nanoFramework.Hardware.Esp32/Configuration.cs and DeviceTypePins.cs.
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => throw null;
    }

    public enum DeviceFunction
    {
        COM2_TX = 197120,
        COM2_RX = 197121,
        COM3_TX = 197376,
        COM3_RX = 197377,
        I2C1_DATA = 131328,
        I2C1_CLOCK = 131329,
    }
}
