namespace System.Device.Gpio
{
    using CellularIot.Esp32Model;

    /// <summary>
    /// nanoFramework's GpioController on the model board: pins open through it, each once at a time (a second
    /// OpenPin of an open pin is refused, as nanoFramework refuses it), and every level written is recorded in
    /// <see cref="Esp32Pins"/> with the time it was written.
    /// </summary>
    public sealed class GpioController : IDisposable
    {
        /// <summary>Opens <paramref name="pinNumber"/> in <paramref name="mode"/>.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            return new GpioPin(Esp32Pins.Open(pinNumber), mode);
        }

        /// <summary>Nothing to release: each pin is closed on its own.</summary>
        public void Dispose()
        {
        }
    }
}
