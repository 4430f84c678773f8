namespace CellularIot.Tests.Modem
{
    using CellularIot.At;
    using CellularIot.Modem.Sim7080;
    using CellularIot.Tests.Support;

    /// <summary>A SIM7080G driver wired to a scripted peer, with every time shortened for tests.</summary>
    public sealed class ModemRig : DriverRig
    {
        public ModemRig()
            : this(FastSettings())
        {
        }

        public ModemRig(Sim7080Settings settings)
            : base(QuickShortBlocks(), Sim7080Script.Boot)
        {
            Sim7080Script.Install(Link);

            // As a module that booted: echo on until ATE0 (one that answers without echo kept an earlier bring-up's settings).
            Link.Echo = true;
            Modem = new Sim7080Modem(Channel, PowerKey, new RealClock(), Log, settings);
        }

        public static Sim7080Settings FastSettings()
        {
            var settings = new Sim7080Settings();
            ShortenSharedTimes(settings);
            settings.DataPollMs = 50;
            settings.FileTimeoutMs = 500;
            return settings;
        }

        // A received block the module announced longer than it delivered ends after 100 ms of quiet rather than 300.
        private static AtChannelSettings QuickShortBlocks()
        {
            var settings = new AtChannelSettings();
            settings.ShortBlockQuietMs = 100;
            return settings;
        }
    }
}
