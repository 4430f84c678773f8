namespace CellularIot.Modem.Quectel
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// PDP context 1 of a BG95/BG96 (TCP/IP application note, AT+QICSGP, AT+QIACT, AT+QIDEACT): configured with the
    /// APN, activated (AT+QIACT answers OK only once the context is up, within 150 s), read back with AT+QIACT?
    /// (<c>+QIACT: &lt;ctx&gt;,&lt;state&gt;,&lt;type&gt;,"&lt;ip&gt;"</c>, a line per active context). The network taking it
    /// down is reported as <c>+QIURC: "pdpdeact",&lt;ctx&gt;</c>, which detaches every socket.
    /// </summary>
    internal sealed class QuectelDataContext : DataContext
    {
        /// <summary>The context the sockets use.</summary>
        public const int Context = 1;

        private const string Urc = "+QIURC: ";

        private readonly ILog log;
        private readonly QuectelSettings settings;

        // AT+QICSGP=1,1,"<apn>","","",0: IPv4, no user name or password, no authentication.
        public QuectelDataContext(AtChannel channel, ModemCommands commands, ModemSocketTable sockets, ILog log, QuectelSettings settings)
            : base(channel, commands, sockets, Urc, "+QICSGP=1,1,", ",\"\",\"\",0", "AT+QIACT?", "+QIACT: ", Context, 3)
        {
            this.log = log;
            this.settings = settings;
            channel.Register(Urc, OnUrc);
        }

        /// <summary>AT+QIACT=1, whose OK comes only once the context is up: the address is not worth a command.</summary>
        protected override string BringUp(string apn)
        {
            AtCommand activate = Commands.Command("AT+QIACT=1").WithTimeout(settings.DataTimeoutMs);
            if (Commands.Execute(activate) != AtOutcome.Ok)
            {
                throw new ModemException("data context refused with APN " + apn + ": " + new AtCommandException(activate).Message);
            }

            log.Info("data context up (AT+QIACT)");
            return string.Empty;
        }

        /// <inheritdoc/>
        protected override AtCommand TakeDown()
        {
            AtCommand command = Commands.Command("AT+QIDEACT=1").WithTimeout(settings.DataTimeoutMs);
            Commands.Execute(command);
            return command;
        }

        private void OnUrc(AtLine line)
        {
            int context;
            if (line.GetField(0) == "pdpdeact" && line.TryGetInt(1, out context) && context == Context)
            {
                Sockets.DetachAll("data context down (+QIURC: \"pdpdeact\")");
            }
        }
    }
}
