namespace CellularIot.Tests.Modem
{
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Modem;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>
    /// A modem driver wired to a scripted peer, with every time shortened for tests: the link, log, power key and AT
    /// channel every driver's rig shares. A driver's rig scripts the link as its module and makes the driver.
    /// </summary>
    public abstract class DriverRig
    {
        /// <summary>A stopped channel on an unscripted link, polling every 10 ms without a guard time.</summary>
        protected DriverRig(AtChannelSettings channelSettings, string boot)
        {
            Boot = boot;
            Link = new ScriptedLink();
            Log = new RecordingLog();
            PowerKey = new FakePowerKey();
            channelSettings.PollMs = 10;
            channelSettings.GuardTimeMs = 0;
            Channel = new AtChannel(Link, new RealClock(), Log, channelSettings);
        }

        /// <summary>What the scripted module prints when it boots.</summary>
        public string Boot { get; private set; }

        public ScriptedLink Link { get; private set; }

        public RecordingLog Log { get; private set; }

        public FakePowerKey PowerKey { get; private set; }

        public AtChannel Channel { get; private set; }

        /// <summary>The driver under test.</summary>
        public IModem Modem { get; protected set; }

        /// <summary>Cuts the times every driver has to what a scripted module needs.</summary>
        protected static void ShortenSharedTimes(ModemSettings settings)
        {
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
            settings.ResetTimeoutMs = 200;
            settings.PowerDownTimeoutMs = 300;
        }

        /// <summary>Powers on (the scripted module is already on) and forgets the bring-up's commands.</summary>
        public DriverRig Up()
        {
            Modem.PowerOn();
            Link.ClearHistory();
            return this;
        }

        /// <summary>The module is off: silent until PWRKEY, which boots it (echo on, as after every boot) with <paramref name="boot"/>.</summary>
        public DriverRig Off(string boot)
        {
            Link.Silent = true;
            PowerKey.Pressed = () =>
            {
                Link.Silent = false;
                Link.Echo = true;
                Link.InjectLater(boot, 30);
            };
            return this;
        }

        /// <summary>What <see cref="IModem.PowerOn"/> throws, or null when it brings the module up.</summary>
        public ModemException PowerOnFailure()
        {
            return ModemFailures.Of(() => Modem.PowerOn());
        }

        /// <summary>
        /// The module sends <paramref name="text"/>; returns once the driver has handled all of it (URC handlers run in
        /// arrival order, so a sentinel line after it tells).
        /// </summary>
        public void InjectAndWait(string text)
        {
            var handled = new ManualResetEvent(false);
            Channel.Register("+SENTINEL", line => handled.Set());
            Link.Inject(text + "\r\n+SENTINEL\r\n");
            Assert.IsTrue(handled.WaitOne(2000, false));
            Channel.Unregister("+SENTINEL");
        }

        /// <summary>Asserts that the module was sent exactly <paramref name="expected"/>, in that order.</summary>
        public void AssertCommands(string[] expected)
        {
            Assert.AreEqual(expected.Length, Link.CommandCount);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], Link.Command(i));
            }
        }

        public void Stop()
        {
            Channel.Stop();
            Link.Dispose();
        }
    }
}
