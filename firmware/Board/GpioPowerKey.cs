namespace CellularIot.Board
{
    using System.Device.Gpio;
    using System.Threading;
    using CellularIot.Modem;

    /// <summary>
    /// The modem's PWRKEY driven through a GPIO. On the LilyGO board the GPIO switches a transistor that pulls
    /// PWRKEY low, so driving the pin high is "pressing" the key.
    /// </summary>
    public sealed class GpioPowerKey : IPowerKey
    {
        private readonly GpioPin pin;

        /// <summary>Opens <paramref name="pinNumber"/> as an output, released.</summary>
        public GpioPowerKey(GpioController controller, int pinNumber)
        {
            pin = controller.OpenPin(pinNumber, PinMode.Output);
            pin.Write(PinValue.Low);
        }

        /// <inheritdoc/>
        public void Pulse(int durationMs)
        {
            pin.Write(PinValue.High);
            Thread.Sleep(durationMs);
            pin.Write(PinValue.Low);
        }
    }
}
