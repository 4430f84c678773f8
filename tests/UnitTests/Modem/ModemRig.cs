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
            settings.BootTimeoutMs = 800;
            settings.BootProbeIntervalMs = 100;
            settings.ProbeTimeoutMs = 80;
            settings.ProbeAttempts = 2;
            settings.SyncAttempts = 3;
            settings.PowerOffSettleMs = 10;
            settings.CommandTimeoutMs = 500;
            settings.AttachTimeoutMs = 600;
            settings.RegistrationPollMs = 50;
            settings.DataTimeoutMs = 600;
            settings.DataPollMs = 50;
            settings.SocketOpenTimeoutMs = 500;
            settings.SendTimeoutMs = 500;
            settings.ReceiveCommandTimeoutMs = 300;
            settings.FileTimeoutMs = 500;
            settings.ResetTimeoutMs = 200;
            settings.PowerDownTimeoutMs = 300;
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
