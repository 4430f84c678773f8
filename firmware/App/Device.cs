namespace CellularIot.App
{
    using System;
    using CellularIot.App.Config;
    using CellularIot.App.Telemetry;
    using CellularIot.At;
    using CellularIot.Cloud.Session;
    using CellularIot.Cloud.Token;
    using CellularIot.Modem;
    using CellularIot.Storage;
    using CellularIot.Support;

    /// <summary>
    /// The whole firmware wired together over the edges a platform supplies: the modem's byte link and
    /// power key, storage, a clock, a log and the board's sensors. The ESP32's Program and the PC runner
    /// build the device the same way, so the PC runs exactly what the board runs.
    /// </summary>
    public sealed class Device : IDisposable
    {
        /// <summary>Readings the store-and-forward backlog keeps while offline (a day at the default interval).</summary>
        public const int DefaultBacklogCapacity = 288;

        private readonly AtChannel channel;
        private readonly IModem modem;

        /// <summary>Builds the device; call <see cref="Step"/> to run it.</summary>
        /// <param name="settings">The user's configuration.</param>
        /// <param name="modems">Builds the driver of the modem the board carries.</param>
        /// <param name="sessionSettings">The cloud session's settings (see <see cref="SessionSettingsFor"/>).</param>
        /// <param name="link">The byte link to the modem.</param>
        /// <param name="storage">Where the login is kept across reboots.</param>
        /// <param name="caPem">The root CA (PEM) both servers are verified with.</param>
        /// <param name="clock">The platform's clock.</param>
        /// <param name="log">Progress and trouble.</param>
        /// <param name="sensors">The board's own measurements.</param>
        public Device(DeviceSettings settings, IModemFactory modems, SessionSettings sessionSettings, IByteLink link, IBlobStore storage, byte[] caPem, IClock clock, ILog log, ITelemetrySensors sensors)
        {
            Clock = new SyncedClock(clock);
            channel = new AtChannel(link, Clock, log, new AtChannelSettings());
            modem = modems.Create(channel, Clock, log);
            var tokens = new TokenLifecycle(new TokenStore(storage), Clock, sessionSettings.Token, log);
            Runner = new DeviceRunner(settings, modem, sensors, Clock, log, DefaultBacklogCapacity);
            if (settings.PersistBacklog)
            {
                Runner.KeepBacklogIn(new BacklogStore(storage, DefaultBacklogCapacity));
            }

            Session = new CloudSession(modem, sessionSettings, tokens, Clock, log, new Random(), caPem, new string[] { DeviceRunner.CommandFilter }, Runner);
            Runner.Attach(Session);
        }

        /// <summary>The device's clock, set from the network's time.</summary>
        public SyncedClock Clock { get; }

        /// <summary>The main loop: telemetry, backlog and commands.</summary>
        public DeviceRunner Runner { get; }

        /// <summary>The connection to the cloud.</summary>
        public CloudSession Session { get; }

        /// <summary>The modem.</summary>
        public IModem Modem
        {
            get { return modem; }
        }

        /// <summary>The cloud session's settings for <paramref name="settings"/>.</summary>
        public static SessionSettings SessionSettingsFor(DeviceSettings settings)
        {
            var sessionSettings = new SessionSettings();
            sessionSettings.Apn = settings.Apn;
            sessionSettings.Transport = settings.Transport;
            sessionSettings.CleanSession = settings.CleanSession;
            sessionSettings.HttpsPostIdleSeconds = settings.PostIdleSeconds;
            sessionSettings.OnboardingHost = settings.OnboardingHost;
            return sessionSettings;
        }

        /// <summary>One turn of the main loop (at most about a second while online).</summary>
        public void Step()
        {
            Runner.Step();
        }

        /// <summary>Ends the MQTT session politely and releases the modem's link.</summary>
        public void Dispose()
        {
            Session.Stop();
            modem.Dispose();
            channel.Dispose();
        }
    }
}
