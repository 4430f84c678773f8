namespace CellularIot.Modem
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// Builds the modem driver the board carries, on the AT channel the device opened. The composition root
    /// (the board's Program, the PC runner) chooses the driver by choosing the factory; the layers above see
    /// only <see cref="IModem"/>.
    /// </summary>
    public interface IModemFactory
    {
        /// <summary>A driver speaking over <paramref name="channel"/>; it does not own the channel.</summary>
        IModem Create(AtChannel channel, IClock clock, ILog log);
    }
}
