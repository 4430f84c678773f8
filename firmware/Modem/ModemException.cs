namespace CellularIot.Modem
{
    using System;

    /// <summary>The modem could not do what was asked (a command failed or timed out, or the modem stayed silent).</summary>
    public class ModemException : Exception
    {
        /// <summary>Creates the error with what went wrong.</summary>
        public ModemException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the error with what went wrong and the error underneath (usually an AT command failure).</summary>
        public ModemException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
