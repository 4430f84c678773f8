namespace CellularIot.Board
{
    using CellularIot.App.Config;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using CellularIot.Modem.Sim7080;

    /// <summary>The composition root's one place that maps device.conf's <c>modem</c> (or the board's) to a driver.</summary>
    public static class ModemFactories
    {
        /// <summary>The factory for <paramref name="settings"/>' modem, switched by <paramref name="powerKey"/>.</summary>
        public static IModemFactory For(DeviceSettings settings, IPowerKey powerKey)
        {
            Sim7080Settings sim7080 = Sim7080Settings.For(settings.Apn, settings.Radio);
            QuectelSettings quectel = QuectelSettings.For(settings.Apn, settings.Radio);
            switch (settings.ResolveModem())
            {
                case ModemChoice.Bg95:
                case ModemChoice.Bg96:
                    return new QuectelFactory(powerKey, quectel);
                case ModemChoice.Auto:
                    return new AutoModemFactory(powerKey, sim7080, quectel);
                default:
                    return new Sim7080Factory(powerKey, sim7080);
            }
        }
    }
}
