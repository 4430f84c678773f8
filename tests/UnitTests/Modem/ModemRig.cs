namespace CellularIot.Tests.Modem
{
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Modem.Sim7080;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;

    /// <summary>A SIM7080G driver wired to a scripted peer, with every time shortened for tests.</summary>
    public sealed class ModemRig
    {
        public ModemRig()
            : this(FastSettings())
        {
        }

        public ModemRig(Sim7080Settings settings)
        {
            Link = new ScriptedLink();
            Sim7080Script.Install(Link);

            // As a module that booted: echo on until ATE0 (one that answers without echo kept an earlier bring-up's settings).
            Link.Echo = true;
            Log = new RecordingLog();
            PowerKey = new FakePowerKey();
            Settings = settings;
            var channelSettings = new AtChannelSettings();
            channelSettings.PollMs = 10;
            channelSettings.GuardTimeMs = 0;
            channelSettings.ShortBlockQuietMs = 100;
            Channel = new AtChannel(Link, new RealClock(), Log, channelSettings);
            Modem = new Sim7080Modem(Channel, PowerKey, new RealClock(), Log, settings);
        }

        public ScriptedLink Link { get; private set; }

        public RecordingLog Log { get; private set; }

        public FakePowerKey PowerKey { get; private set; }

        public Sim7080Settings Settings { get; private set; }

        public AtChannel Channel { get; private set; }

        public Sim7080Modem Modem { get; private set; }

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

        /// <summary>Powers on (the scripted module is already on) and forgets the bring-up's commands.</summary>
        public ModemRig Up()
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
