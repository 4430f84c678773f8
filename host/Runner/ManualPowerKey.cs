using CellularIot.Modem;
using CellularIot.Support;

namespace CellularIot.Runner;

/// <summary>
/// The power key of a real modem on a PC's serial port, which the PC cannot press: a pulse tells the user to
/// switch the modem on (or off and on again) by hand and waits as long as a press would take, so the driver's boot
/// wait that follows gives the user its time.
/// </summary>
public sealed class ManualPowerKey(ILog log) : IPowerKey
{
    /// <inheritdoc/>
    public void Pulse(int durationMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationMs);
        log.Warn("the modem needs its PWRKEY pressed, which a PC cannot do: power the modem on (or cycle its power) by hand");
        Thread.Sleep(durationMs);
    }
}
