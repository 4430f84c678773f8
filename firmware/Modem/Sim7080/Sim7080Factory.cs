namespace CellularIot.Modem.Sim7080
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>Builds the SIMCom SIM7080G driver with its power key and settings.</summary>
    public sealed class Sim7080Factory : IModemFactory
    {
        private readonly IPowerKey powerKey;
        private readonly Sim7080Settings settings;

        /// <summary>A factory for a SIM7080G switched by <paramref name="powerKey"/>.</summary>
        public Sim7080Factory(IPowerKey powerKey, Sim7080Settings settings)
        {
            this.powerKey = powerKey;
            this.settings = settings;
        }

        /// <inheritdoc/>
        public IModem Create(AtChannel channel, IClock clock, ILog log)
        {
            return new Sim7080Modem(channel, powerKey, clock, log, settings);
        }
    }
}
