namespace CellularIot.Modem
{
    /// <summary>What AT+CPIN? says about the SIM.</summary>
    public enum SimState
    {
        /// <summary>The answer was not one of the known states.</summary>
        Unknown = 0,

        /// <summary>Ready for use.</summary>
        Ready = 1,

        /// <summary>Waiting for its PIN.</summary>
        PinRequired = 2,

        /// <summary>Blocked, waiting for its PUK.</summary>
        PukRequired = 3,

        /// <summary>No SIM in the slot.</summary>
        NotInserted = 4,

        /// <summary>The modem reported a SIM failure.</summary>
        Failed = 5,

        /// <summary>
        /// Not ready yet (<c>+CPIN: NOT READY</c>, <c>+CME ERROR: SIM busy</c>): the module is still reading the SIM in
        /// its first seconds after boot. Transient; it becomes one of the other states.
        /// </summary>
        NotReady = 6,
    }
}
