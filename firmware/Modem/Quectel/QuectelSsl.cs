namespace CellularIot.Modem.Quectel
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// The SSL contexts (SSL application note, AT+QSSLCFG): TLS 1.2 ("sslversion" 3), the server verified against the
    /// CA file ("seclevel" 1, "cacert"), SNI switched on explicitly ("sni" 1: the module then sends the host name of
    /// AT+QSSLOPEN) and ALPN ("alpn") where the firmware has it. A context keeps its settings until the module
    /// restarts, so each is set once per boot and again only when it changes; <see cref="Forget"/> is called at
    /// every boot. ALPN counts only when reading it back returns what was set: firmware without it may answer OK.
    /// </summary>
    internal sealed class QuectelSsl
    {
        private readonly ModemCommands commands;
        private readonly ILog log;
        private readonly string[] caOf;
        private readonly string[] alpnOf;

        public QuectelSsl(ModemCommands commands, ILog log, int contexts)
        {
            this.commands = commands;
            this.log = log;
            string[] cas = new string[contexts];
            for (int i = 0; i < cas.Length; i++)
            {
                cas[i] = null;
            }

            string[] alpns = new string[contexts];
            for (int i = 0; i < alpns.Length; i++)
            {
                alpns[i] = null;
            }

            caOf = cas;
            alpnOf = alpns;
        }

        /// <summary>The module restarted: every context is back at its defaults.</summary>
        public void Forget()
        {
            for (int i = 0; i < caOf.Length; i++)
            {
                caOf[i] = null;
                alpnOf[i] = null;
            }
        }

        /// <summary>Sets context <paramref name="context"/> to verify the server against <paramref name="caPath"/> with SNI.</summary>
        public void Configure(int context, string caPath)
        {
            if (caOf[context] == caPath)
            {
                return;
            }

            caOf[context] = null;
            Set(context, "sslversion", "3");
            Set(context, "seclevel", "1");
            commands.Ok(Begin("cacert", context).Append(",").AppendQuoted(caPath));
            Set(context, "sni", "1");
            caOf[context] = caPath;
        }

        /// <summary>Sets <paramref name="protocol"/> as the ALPN of <paramref name="context"/>; true when the read-back confirms it.</summary>
        public bool ConfigureAlpn(int context, string protocol)
        {
            if (alpnOf[context] == protocol)
            {
                return true;
            }

            alpnOf[context] = null;
            AtCommand set = Begin("alpn", context).Append(",").AppendQuoted(protocol);
            if (commands.Execute(set) != AtOutcome.Ok)
            {
                // Expected on firmware without the setting: the session then runs MQTT over WebSocket.
                log.Info("ALPN not accepted: " + new AtCommandException(set).Message);
                return false;
            }

            AtCommand read = Begin("alpn", context).Expect("+QSSLCFG: ", 2);
            if (commands.Execute(read) != AtOutcome.Ok || read.Response.LineCount == 0)
            {
                log.Warn("ALPN not read back: " + new AtCommandException(read).Message);
                return false;
            }

            int readContext;
            AtResponse response = read.Response;
            bool confirmed = response.GetField(0, 0) == "alpn" && response.TryGetInt(0, 1, out readContext)
                && readContext == context && response.GetField(0, 2) == protocol;
            if (!confirmed)
            {
                log.Warn("ALPN read back differs: " + response.GetLine(0));
                return false;
            }

            alpnOf[context] = protocol;
            return true;
        }

        private void Set(int context, string keyword, string value)
        {
            commands.Ok(Begin(keyword, context).Append(",").Append(value));
        }

        private AtCommand Begin(string keyword, int context)
        {
            return commands.Command(ModemCommands.LongCommand).Begin("AT+QSSLCFG=").AppendQuoted(keyword).Append(",").Append(context);
        }
    }
}
