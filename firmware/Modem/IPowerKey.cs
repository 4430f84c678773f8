namespace CellularIot.Modem
{
    /// <summary>
    /// The modem's PWRKEY line: a GPIO on the board, the simulator's power button on a PC. Holding it for
    /// about a second toggles the module on or off; it is the last rung of the recovery ladder.
    /// </summary>
    public interface IPowerKey
    {
        /// <summary>Asserts the key for <paramref name="durationMs"/> milliseconds, then releases it.</summary>
        void Pulse(int durationMs);
    }
}
