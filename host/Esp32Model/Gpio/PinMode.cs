namespace System.Device.Gpio
{
    /// <summary>How a pin is opened, as nanoFramework's System.Device.Gpio names the modes.</summary>
    public enum PinMode
    {
        /// <summary>Input, floating.</summary>
        Input,

        /// <summary>Input with a pull-down.</summary>
        InputPullDown,

        /// <summary>Input with a pull-up.</summary>
        InputPullUp,

        /// <summary>Push-pull output.</summary>
        Output,

        /// <summary>Open-drain output.</summary>
        OutputOpenDrain,

        /// <summary>Open-drain output with a pull-up.</summary>
        OutputOpenDrainPullUp,

        /// <summary>Open-source output.</summary>
        OutputOpenSource,

        /// <summary>Open-source output with a pull-down.</summary>
        OutputOpenSourcePullDown,
    }
}
