namespace CellularIot.Modem.Sim7080
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// The SIM7080G's data context 0: defined with AT+CGDCONT and AT+CNCFG, brought up and down with AT+CNACT,
    /// reported by the +APP PDP URC (which ends a wait at once; an AT+CNACT? poll covers a URC that never comes).
    /// A context that goes down detaches every socket.
    /// </summary>
    internal sealed class Sim7080DataContext : IDisposable
    {
        private const string Urc = "+APP PDP: ";
        private const int PdpUnknown = 0;
        private const int PdpActive = 1;
        private const int PdpInactive = 2;

        private readonly AtChannel channel;
        private readonly ModemCommands commands;
        private readonly SocketTable sockets;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly Sim7080Settings settings;
        private readonly object sync = new object();
        private readonly AutoResetEvent pdpChanged = new AutoResetEvent(false);
        private int pdpState;
        private string definedApn;

        public Sim7080DataContext(AtChannel channel, ModemCommands commands, SocketTable sockets, IClock clock, ILog log, Sim7080Settings settings)
        {
            this.channel = channel;
            this.commands = commands;
            this.sockets = sockets;
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            channel.Register(Urc, OnPdp);
        }

        /// <summary>
        /// Brings the context up on <paramref name="apn"/> and returns its IP address, or an empty string when the
        /// module announced the context (+APP PDP: 0,ACTIVE, which carries no address) and was not asked. With
        /// <paramref name="askFirst"/> a context that is up already is found and kept.
        /// </summary>
        public string Activate(string apn, bool askFirst)
        {
            AtText.CheckCommandText(apn);
            string address = askFirst ? QueryAddress() : null;
            if (address != null)
            {
                return address;
            }

            if (apn != definedApn)
            {
                Define(apn);
            }

            commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CNCFG=0,1,").AppendQuoted(apn));
            lock (sync)
            {
                pdpState = PdpUnknown;
            }

            pdpChanged.Reset();
            commands.Ok(commands.Command("AT+CNACT=0,1").WithTimeout(settings.DataTimeoutMs));
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

                address = QueryAddress();
                if (address != null)
                {
                    log.Info("data context up: " + address);
                    return address;
                }
            }
        }

        /// <summary>Takes the context down and detaches the sockets.</summary>
        public void Deactivate()
        {
            lock (sync)
            {
                pdpState = PdpUnknown;
            }

            pdpChanged.Reset();
            AtCommand command = commands.Command("AT+CNACT=0,0").WithTimeout(settings.DataTimeoutMs);
            if (commands.Execute(command) == AtOutcome.Ok)
            {
                pdpChanged.WaitOne(settings.DataTimeoutMs, false);
            }

            // An ERROR usually means the context was already down; the query says for sure.
            if (QueryAddress() != null)
            {
                throw ModemCommands.Failure(command);
            }

            sockets.DetachAll("data context down");
        }

        /// <summary>Defines the PDP context with <paramref name="apn"/> (AT+CGDCONT).</summary>
        public void Define(string apn)
        {
            Define(apn, "AT");
        }

        /// <summary>
        /// Defines the PDP context with <paramref name="apn"/> on a command line that starts with
        /// <paramref name="line"/> ("AT", or "AT" and settings to share the line, each followed by a semicolon).
        /// </summary>
        public void Define(string apn, string line)
        {
            commands.Ok(commands.Command(ModemCommands.LongCommand).Begin(line).Append("+CGDCONT=1,\"IP\",").AppendQuoted(apn));
            definedApn = apn;
        }

        /// <summary>Stops listening to +APP PDP.</summary>
        public void Dispose()
        {
            channel.Unregister(Urc);
        }

        private string QueryAddress()
        {
            AtResponse response = commands.Ok(commands.Command("AT+CNACT?").Expect("+CNACT: ", 2));
            for (int i = 0; i < response.LineCount; i++)
            {
                int context;
                int status;
                if (response.TryGetInt(i, 0, out context) && context == 0 && response.TryGetInt(i, 1, out status) && status == 1)
                {
                    string address = response.GetField(i, 2);
                    if (address != null && address.Length > 0 && address != "0.0.0.0")
                    {
                        return address;
                    }
                }
            }

            return null;
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
                sockets.DetachAll("data context down");
            }
        }
    }
}
