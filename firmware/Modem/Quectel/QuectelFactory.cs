namespace CellularIot.Modem.Quectel
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>Builds the Quectel BG95/BG96 driver with its power key and settings.</summary>
    public sealed class QuectelFactory : IModemFactory
    {
        private readonly IPowerKey powerKey;
        private readonly QuectelSettings settings;

        /// <summary>A factory for a BG95 or BG96 switched by <paramref name="powerKey"/>.</summary>
        public QuectelFactory(IPowerKey powerKey, QuectelSettings settings)
        {
            this.powerKey = powerKey;
            this.settings = settings;
        }

        /// <inheritdoc/>
        public IModem Create(AtChannel channel, IClock clock, ILog log)
        {
            return new QuectelModem(channel, powerKey, clock, log, settings);
        }
    }
}
