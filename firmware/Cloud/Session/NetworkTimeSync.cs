namespace CellularIot.Cloud.Session
{
    using System;
    using CellularIot.Modem;
    using CellularIot.Support;

    /// <summary>
    /// Sets the device's clock from the network's time as the modem reports it, when that time is plausible: TLS
    /// and the login's expiry both need the right date.
    /// </summary>
    internal sealed class NetworkTimeSync
    {
        private const int EarliestPlausibleYear = 2024;

        private readonly IModem modem;
        private readonly SyncedClock clock;
        private readonly ILog log;

        public NetworkTimeSync(IModem modem, SyncedClock clock, ILog log)
        {
            this.modem = modem;
            this.clock = clock;
            this.log = log;
        }

        /// <summary>Reads the network's time and sets the clock; a time the modem does not have yet is logged, not set.</summary>
        public void Sync()
        {
            try
            {
                DateTime network = modem.ReadNetworkTimeUtc();
                if (network.Year >= EarliestPlausibleYear)
                {
                    clock.Set(network);
                    log.Info("network time " + network.ToString("yyyy-MM-dd HH:mm:ss") + " UTC");
                }
                else
                {
                    // Before the network sends time the modem reports its default date (1980 or 2000).
                    log.Warn("the modem has no network time yet (" + network.Year + "): TLS and token expiry use the board's clock");
                }
            }
            catch (ModemException ex)
            {
                log.Warn("network time unavailable: " + ex.Message);
            }
        }
    }
}
