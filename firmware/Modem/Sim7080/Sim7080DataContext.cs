namespace CellularIot.Modem.Sim7080
{
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// The SIM7080G's data context 0: defined with AT+CGDCONT and AT+CNCFG, brought up and down with AT+CNACT, listed by
    /// AT+CNACT? (<c>+CNACT: &lt;ctx&gt;,&lt;state&gt;,"&lt;ip&gt;"</c>), reported by the +APP PDP URC (which ends a wait at
    /// once; an AT+CNACT? poll covers a URC that never comes). A context that goes down detaches every socket.
    /// </summary>
    internal sealed class Sim7080DataContext : DataContext
    {
        private const string Urc = "+APP PDP: ";
        private const int PdpUnknown = 0;
        private const int PdpActive = 1;
        private const int PdpInactive = 2;

        private readonly IClock clock;
        private readonly ILog log;
        private readonly Sim7080Settings settings;
        private readonly object sync = new object();
        private readonly AutoResetEvent pdpChanged = new AutoResetEvent(false);
        private int pdpState;

        public Sim7080DataContext(AtChannel channel, ModemCommands commands, ModemSocketTable sockets, IClock clock, ILog log, Sim7080Settings settings)
            : base(channel, commands, sockets, Urc, "+CGDCONT=1,\"IP\",", string.Empty, "AT+CNACT?", "+CNACT: ", 0, 2)
        {
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            channel.Register(Urc, OnPdp);
        }

        /// <summary>
        /// AT+CNCFG and AT+CNACT, then the wait for the context: an empty string when the module announced it (+APP PDP:
        /// 0,ACTIVE, which carries no address) and was not asked.
        /// </summary>
        protected override string BringUp(string apn)
        {
            Commands.Ok(Commands.Command(ModemCommands.LongCommand).Begin("AT+CNCFG=0,1,").AppendQuoted(apn));
            ExpectReport();
            Commands.Ok(Commands.Command("AT+CNACT=0,1").WithTimeout(settings.DataTimeoutMs));
            long deadline = clock.MonotonicMs + settings.DataTimeoutMs;
            while (true)
            {
                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    throw new ModemException("data context did not come up within " + settings.DataTimeoutMs + " ms");
                }

                // +APP PDP ends the wait at once and is believed; the poll covers a URC that never comes.
                bool announced = pdpChanged.WaitOne((int)(remaining < settings.DataPollMs ? remaining : settings.DataPollMs), false);
                lock (sync)
                {
                    if (pdpState == PdpInactive)
                    {
                        throw new ModemException("data context refused (+APP PDP: 0,DEACTIVE) with APN " + apn);
                    }

                    if (announced && pdpState == PdpActive)
                    {
                        log.Info("data context up (+APP PDP)");
                        return string.Empty;
                    }
                }

                string address = QueryAddress();
                if (address != null)
                {
                    log.Info("data context up: " + address);
                    return address;
                }
            }
        }

        /// <inheritdoc/>
        protected override AtCommand TakeDown()
        {
            ExpectReport();
            AtCommand command = Commands.Command("AT+CNACT=0,0").WithTimeout(settings.DataTimeoutMs);
            if (Commands.Execute(command) == AtOutcome.Ok)
            {
                pdpChanged.WaitOne(settings.DataTimeoutMs, false);
            }

            return command;
        }

        // Forgets what +APP PDP said before the command whose report is awaited next.
        private void ExpectReport()
        {
            lock (sync)
            {
                pdpState = PdpUnknown;
            }

            pdpChanged.Reset();
        }

        private void OnPdp(AtLine line)
        {
            int context;
            if (!line.TryGetInt(0, out context) || context != 0)
            {
                return;
            }

            bool active = line.GetField(1) == "ACTIVE";
            lock (sync)
            {
                pdpState = active ? PdpActive : PdpInactive;
            }

            pdpChanged.Set();
            if (!active)
            {
                Sockets.DetachAll("data context down");
            }
        }
    }
}
