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
            ShortenSharedTimes(settings);
            settings.SimReportTimeoutMs = 200;
            settings.FileTimeoutMs = 1000;
            return settings;
        }
    }
}
