namespace CellularIot.Tests.Cloud.Session.Support
{
    using System;
    using System.Collections;
    using CellularIot.Modem;
    using CellularIot.Tests.Support;

    /// <summary>
    /// A modem for the session's tests: it comes up at once with the sample SIM, reports the manual clock's time as
    /// the network's, and hands out the server sockets the test queued, one per open, recording the options. It can
    /// be told to fail its next power-ups and to report a reboot.
    /// </summary>
    public sealed class SessionModem : IModem
    {
        private readonly ManualClock clock;
        private readonly string iccid;
        private readonly ArrayList servers = new ArrayList();
        private ModemIdentity identity;

        public SessionModem(ManualClock clock, string iccid, bool supportsAlpn)
        {
            this.clock = clock;
            this.iccid = iccid;
            Capabilities = new ModemCapabilities(true, true, supportsAlpn, 1460, 12);
        }

        public event EventHandler Rebooted;

        public ModemCapabilities Capabilities { get; private set; }

        public ModemIdentity Identity
        {
            get { return identity; }
        }

        public bool RebootDetected { get; private set; }

        /// <summary>Power-ups still to fail with a <see cref="ModemException"/>.</summary>
        public int FailPowerOns { get; set; }

        public int PowerOns { get; private set; }

        public int Recoveries { get; private set; }

        /// <summary>The options of every socket opened, in order.</summary>
        public ArrayList Opened { get; } = new ArrayList();

        /// <summary>The CA file the session last made sure of.</summary>
        public string CaFileName { get; private set; }

        /// <summary>Queues the server the next socket reaches.</summary>
        public void Serve(ServerSocket server)
        {
            servers.Add(server);
        }

        /// <summary>The options of the <paramref name="index"/>th socket opened.</summary>
        public SecureSocketOptions OpenedAt(int index)
        {
            return (SecureSocketOptions)Opened[index];
        }

        /// <summary>Reports a reboot, as the driver does on an unexpected RDY.</summary>
        public void Reboot()
        {
            identity = null;
            RebootDetected = true;
            EventHandler handler = Rebooted;
            if (handler != null)
            {
                handler(this, EventArgs.Empty);
            }
        }

        public void PowerOn()
        {
            PowerOns++;
            if (FailPowerOns > 0)
            {
                FailPowerOns--;
                throw new ModemException("modem does not answer AT");
            }

            RebootDetected = false;
            identity = new ModemIdentity(iccid, "867730050123456", "1951B17SIM7080");
        }

        public void PowerOff()
        {
            identity = null;
        }

        public SimState ReadSimState()
        {
            return SimState.Ready;
        }

        public RegistrationState ReadRegistration()
        {
            return RegistrationState.Roaming;
        }

        public RegistrationState WaitForRegistration()
        {
            return RegistrationState.Roaming;
        }

        public string ActivateData(string apn)
        {
            return "10.1.2.3";
        }

        public void DeactivateData()
        {
        }

        public SignalQuality ReadSignalQuality()
        {
            return new SignalQuality(20, 0);
        }

        public DateTime ReadNetworkTimeUtc()
        {
            return clock.UtcNow;
        }

        public bool EnsureCaCertificate(string fileName, byte[] pem)
        {
            CaFileName = fileName;
            return false;
        }

        public ISecureSocket OpenSecureSocket(SecureSocketOptions options)
        {
            Opened.Add(options);
            if (servers.Count == 0)
            {
                throw new SocketOpenException(options.Host, SocketOpenError.ConnectFailed, null);
            }

            var server = (ServerSocket)servers[0];
            servers.RemoveAt(0);
            return server;
        }

        public RecoveryStep Recover()
        {
            Recoveries++;
            return RecoveryStep.AtProbe;
        }

        public void Dispose()
        {
        }
    }
}
