namespace CellularIot.Esp32Model
{
    using System;

    /// <summary>The model board lost power: what the firmware was doing stops here.</summary>
    public sealed class PowerCutException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public PowerCutException()
            : base("power cut")
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        public PowerCutException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and a cause.</summary>
        public PowerCutException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
