namespace CellularIot.App.Config
{
    using System;

    /// <summary>A configuration value that the firmware cannot run with; the message names it.</summary>
    public class SettingsException : Exception
    {
        /// <summary>Creates the error.</summary>
        public SettingsException(string message)
            : base("device.conf: " + message)
        {
        }
    }
}
