namespace CellularIot.Tests.Modem
{
    using CellularIot.At;
    using CellularIot.Modem.Quectel;
    using CellularIot.Tests.Support;

    /// <summary>A Quectel BG95/BG96 driver wired to a scripted peer, with every time shortened for tests.</summary>
    public sealed class QuectelRig : DriverRig
    {
        public QuectelRig()
            : this(FastSettings(), false)
        {
        }

        public QuectelRig(QuectelSettings settings, bool alpn)
            : base(new AtChannelSettings(), QuectelScript.Boot)
        {
            QuectelScript.Install(Link);
            if (alpn)
            {
                QuectelScript.AcceptAlpn(Link);
            }

            Modem = new QuectelModem(Channel, PowerKey, new RealClock(), Log, settings);
        }

        public static QuectelSettings FastSettings()
        {
            var settings = new QuectelSettings();
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
            settings.SocketOpenTimeoutMs = 500;
            settings.SendTimeoutMs = 500;
            settings.ReceiveCommandTimeoutMs = 300;
            settings.SimReportTimeoutMs = 200;
            settings.FileTimeoutMs = 1000;
            settings.ResetTimeoutMs = 200;
            settings.PowerDownTimeoutMs = 300;
            return settings;
        }
    }
}
