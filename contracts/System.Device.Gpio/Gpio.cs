// Declaration-only contract of nanoFramework's System.Device.Gpio, holding exactly the members the Board
// layer uses, with the real signatures. Mirrors nanoframework/System.Device.Gpio: System.Device.Gpio/
// GpioController.cs, GpioPin.cs, PinMode.cs and PinValue.cs.
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() => throw null;

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;

        public void Dispose() => throw null;
    }

    public sealed class GpioPin : IDisposable
    {
        private GpioPin() => throw null;

        public void Write(PinValue value) => throw null;

        public void Dispose() => throw null;
    }

    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    public readonly struct PinValue
    {
        public static PinValue High => throw null;

        public static PinValue Low => throw null;
    }
}
