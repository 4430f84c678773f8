namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;

    /// <summary>What a driver's call throws, for tests that check the failure's message or state.</summary>
    public static class ModemFailures
    {
        /// <summary>The <see cref="ModemException"/> (or subclass) <paramref name="call"/> throws, or null when it returns.</summary>
        public static ModemException Of(Action call)
        {
            try
            {
                call();
            }
            catch (ModemException ex)
            {
                return ex;
            }

            return null;
        }
    }
}
