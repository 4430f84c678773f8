namespace System.Device.Gpio
{
    using CellularIot.Esp32Model;

    /// <summary>One open pin of the model board.</summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly int number;
        private readonly PinMode mode;
        private bool disposed;

        internal GpioPin(int number, PinMode mode)
        {
            this.number = number;
            this.mode = mode;
        }

        /// <summary>Drives the pin; only an output pin can be driven.</summary>
        public void Write(PinValue value)
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(GpioPin));
            }

            if (mode != PinMode.Output && mode != PinMode.OutputOpenDrain && mode != PinMode.OutputOpenDrainPullUp
                && mode != PinMode.OutputOpenSource && mode != PinMode.OutputOpenSourcePullDown)
            {
                throw new InvalidOperationException("pin " + number + " is an input (" + mode + "): it cannot be driven");
            }

            Esp32Pins.Record(number, value.IsHigh);
        }

        /// <summary>Closes the pin, so it can be opened again.</summary>
        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                Esp32Pins.Close(number);
            }
        }
    }
}
