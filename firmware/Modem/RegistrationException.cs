namespace CellularIot.Modem
{
    /// <summary>The modem did not register on a network within the attach timeout.</summary>
    public class RegistrationException : ModemException
    {
        /// <summary>Creates the error with the last state seen and the time waited.</summary>
        public RegistrationException(RegistrationState lastState, int waitedMs)
            : base("not registered after " + waitedMs + " ms; last +CEREG status " + (int)lastState + (lastState == RegistrationState.Denied ? " (denied)" : string.Empty))
        {
            LastState = lastState;
        }

        /// <summary>The last registration state seen.</summary>
        public RegistrationState LastState { get; private set; }
    }
}
