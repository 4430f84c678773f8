namespace CellularIot.Tests.Modem
{
    using CellularIot.At;
    using CellularIot.Modem.Quectel;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;

    /// <summary>A Quectel BG95/BG96 driver wired to a scripted peer, with every time shortened for tests.</summary>
    public sealed class QuectelRig
    {
        public QuectelRig()
            : this(FastSettings(), false)
        {
        }

        public QuectelRig(QuectelSettings settings, bool alpn)
        {
            Link = new ScriptedLink();
            QuectelScript.Install(Link);
            if (alpn)
            {
                QuectelScript.AcceptAlpn(Link);
            }

            Log = new RecordingLog();
            PowerKey = new FakePowerKey();
            var channelSettings = new AtChannelSettings();
            channelSettings.PollMs = 10;
            channelSettings.GuardTimeMs = 0;
            Channel = new AtChannel(Link, new RealClock(), Log, channelSettings);
            Modem = new QuectelModem(Channel, PowerKey, new RealClock(), Log, settings);
        }

        public ScriptedLink Link { get; private set; }

        public RecordingLog Log { get; private set; }

        public FakePowerKey PowerKey { get; private set; }

        public AtChannel Channel { get; private set; }

        public QuectelModem Modem { get; private set; }

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
            settings.ReceivePollMs = 100;
            settings.FileTimeoutMs = 1000;
            settings.ResetTimeoutMs = 200;
            settings.PowerDownTimeoutMs = 300;
            return settings;
        }

        /// <summary>Powers on (the scripted module is already on) and forgets the bring-up's commands.</summary>
        public QuectelRig Up()
        {
            Modem.PowerOn();
            Link.ClearHistory();
            return this;
        }

        public void Stop()
        {
            Channel.Stop();
            Link.Dispose();
        }
    }
}
