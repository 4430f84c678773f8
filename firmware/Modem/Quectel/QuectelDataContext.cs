namespace CellularIot.Modem.Quectel
{
    using System;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// PDP context 1 of a BG95/BG96 (TCP/IP application note, AT+QICSGP, AT+QIACT, AT+QIDEACT): configured with the
    /// APN, activated (AT+QIACT answers OK only once the context is up, within 150 s), read back with AT+QIACT?
    /// (<c>+QIACT: &lt;ctx&gt;,&lt;state&gt;,&lt;type&gt;,"&lt;ip&gt;"</c>, a line per active context). The network taking it
    /// down is reported as <c>+QIURC: "pdpdeact",&lt;ctx&gt;</c>, which detaches every socket.
    /// </summary>
    internal sealed class QuectelDataContext : IDisposable
    {
        /// <summary>The context the sockets use.</summary>
        public const int Context = 1;

        private const string Urc = "+QIURC: ";

        private readonly AtChannel channel;
        private readonly ModemCommands commands;
        private readonly QuectelSocketTable sockets;
        private readonly ILog log;
        private readonly QuectelSettings settings;
        private string definedApn;

        public QuectelDataContext(AtChannel channel, ModemCommands commands, QuectelSocketTable sockets, ILog log, QuectelSettings settings)
        {
            this.channel = channel;
            this.commands = commands;
            this.sockets = sockets;
            this.log = log;
            this.settings = settings;
            channel.Register(Urc, OnUrc);
        }

        /// <summary>Brings the context up on <paramref name="apn"/>; returns its IP address.</summary>
        public string Activate(string apn)
        {
            AtText.CheckCommandText(apn);
            string address = QueryAddress();
            if (address != null)
            {
                return address;
            }

            if (apn != definedApn)
            {
                Define(apn);
            }

            AtCommand activate = commands.Command("AT+QIACT=1").WithTimeout(settings.DataTimeoutMs);
            if (commands.Execute(activate) != AtOutcome.Ok)
            {
                throw new ModemException("data context refused with APN " + apn + ": " + new AtCommandException(activate).Message);
            }

            address = QueryAddress();
            if (address == null)
            {
                throw new ModemException("data context reported no address after AT+QIACT");
            }

            log.Info("data context up: " + address);
            return address;
        }

        /// <summary>Takes the context down and detaches the sockets.</summary>
        public void Deactivate()
        {
            AtCommand command = commands.Command("AT+QIDEACT=1").WithTimeout(settings.DataTimeoutMs);
            commands.Execute(command);

            // An ERROR usually means the context was already down; the query says for sure.
            if (QueryAddress() != null)
            {
                throw ModemCommands.Failure(command);
            }

            sockets.DetachAll("data context down");
        }

        /// <summary>Sets the APN of context 1 (AT+QICSGP, IPv4, no user name or password, no authentication).</summary>
        public void Define(string apn)
        {
            commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+QICSGP=1,1,").AppendQuoted(apn).Append(",\"\",\"\",0"));
            definedApn = apn;
        }

        /// <summary>Stops listening to +QIURC.</summary>
        public void Dispose()
        {
            channel.Unregister(Urc);
        }

        private string QueryAddress()
        {
            AtResponse response = commands.Ok(commands.Command("AT+QIACT?").Expect("+QIACT: ", 3));
            for (int i = 0; i < response.LineCount; i++)
            {
                int context;
                int state;
                if (response.TryGetInt(i, 0, out context) && context == Context && response.TryGetInt(i, 1, out state) && state == 1)
                {
                    string address = response.GetField(i, 3);
                    if (address != null && address.Length > 0 && address != "0.0.0.0")
                    {
                        return address;
                    }
                }
            }

            return null;
        }

        private void OnUrc(AtLine line)
        {
            int context;
            if (line.GetField(0) == "pdpdeact" && line.TryGetInt(1, out context) && context == Context)
            {
                sockets.DetachAll("data context down (+QIURC: \"pdpdeact\")");
            }
        }
    }
}
