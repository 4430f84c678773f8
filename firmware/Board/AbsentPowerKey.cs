namespace CellularIot.Board
{
    using CellularIot.Modem;

    /// <summary>
    /// The power key when its GPIO could not be opened: pressing it does nothing, so the modem must be powered
    /// by other means (a board that keeps it on, or the PMU). The driver still probes, resets with AT+CFUN and
    /// reports a silent modem; the device keeps running rather than stopping at start-up.
    /// </summary>
    public sealed class AbsentPowerKey : IPowerKey
    {
        /// <inheritdoc/>
        public void Pulse(int durationMs)
        {
        }
    }
}
