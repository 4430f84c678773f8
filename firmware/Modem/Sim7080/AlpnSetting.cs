namespace CellularIot.Modem.Sim7080
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// Sets the ALPN protocol of an SSL context with the AT+CSSLCFG keyword named in the settings and reads it
    /// back: only a read-back that matches counts, since firmware without the setting may still answer OK.
    /// </summary>
    internal sealed class AlpnSetting
    {
        private readonly ModemCommands commands;
        private readonly string keyword;
        private readonly ILog log;

        public AlpnSetting(ModemCommands commands, string keyword, ILog log)
        {
            this.commands = commands;
            this.keyword = keyword;
            this.log = log;
        }

        /// <summary>Sets <paramref name="protocol"/> on <paramref name="context"/>; true when the module accepted it.</summary>
        public bool Set(int context, string protocol)
        {
            AtCommand set = commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=").AppendQuoted(keyword).Append(",").Append(context)
                .Append(",").AppendQuoted(protocol);
            if (commands.Execute(set) != AtOutcome.Ok)
            {
                log.Warn("ALPN not accepted: " + new AtCommandException(set).Message);
                return false;
            }

            return true;
        }

        /// <summary>Sets <paramref name="protocol"/> on <paramref name="context"/>; true when the read-back confirms it.</summary>
        public bool Configure(int context, string protocol)
        {
            // Set and read back on one command line (V.250: "AT" once, commands separated by semicolons): the answer
            // carries the read-back, and a firmware without the setting ends the line with its error.
            AtCommand read = commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=").AppendQuoted(keyword).Append(",").Append(context)
                .Append(",").AppendQuoted(protocol).Append(";+CSSLCFG=").AppendQuoted(keyword).Append(",").Append(context)
                .Expect("+CSSLCFG: ", 2);
            if (commands.Execute(read) != AtOutcome.Ok)
            {
                log.Warn("ALPN not accepted or not read back: " + new AtCommandException(read).Message);
                return false;
            }

            if (read.Response.LineCount == 0)
            {
                log.Warn("ALPN read back gave no +CSSLCFG line");
                return false;
            }

            int readContext;
            AtResponse response = read.Response;
            bool confirmed = response.GetField(0, 0) == keyword && response.TryGetInt(0, 1, out readContext)
                && readContext == context && response.GetField(0, 2) == protocol;
            if (!confirmed)
            {
                log.Warn("ALPN read back differs: " + response.GetLine(0));
            }

            return confirmed;
        }
    }
}
