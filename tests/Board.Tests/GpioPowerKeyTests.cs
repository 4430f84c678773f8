using System.Device.Gpio;
using CellularIot.Esp32Model;
using Xunit;

namespace CellularIot.Board.Tests;

/// <summary>Board's power key over the model GPIO: the call sequence on the pin.</summary>
public sealed class GpioPowerKeyTests
{
    [Fact]
    public void OpensThePinAsAnOutputHeldLowAndPulsesItHighForTheRequestedTime()
    {
        const int pin = 41;
        var gpio = new GpioController();
        var key = new GpioPowerKey(gpio, pin);

        key.Pulse(120);

        PinWrite[] writes = Esp32Pins.WritesTo(pin);
        Assert.Equal([false, true, false], writes.Select(w => w.High));
        Assert.True(writes[2].AtMs - writes[1].AtMs >= 119, $"held high {writes[2].AtMs - writes[1].AtMs} ms");
    }

    [Fact]
    public void ASecondKeyOnTheSamePinIsRefusedAsOnTheBoard()
    {
        const int pin = 18;
        var gpio = new GpioController();
        _ = new GpioPowerKey(gpio, pin);

        Assert.Throws<InvalidOperationException>(() => new GpioPowerKey(gpio, pin));
    }
}
