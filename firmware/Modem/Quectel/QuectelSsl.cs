namespace CellularIot.Modem.Quectel
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// The SSL contexts (SSL application note, AT+QSSLCFG): TLS 1.2 ("sslversion" 3), the server verified against the
    /// CA file ("seclevel" 1, "cacert"), SNI switched on explicitly ("sni" 1: the module then sends the host name of
    /// AT+QSSLOPEN) and ALPN ("alpn") where the firmware has it. A context keeps its settings in memory until the module
    /// restarts, so each is written once per start of this driver and again only when it changes (a reconnect writes
    /// none); those that differ share one command line. <see cref="Forget"/> is called whenever the module restarts.
    /// ALPN counts only when reading it back returns what was set: firmware without it may answer OK.
    /// </summary>
    internal sealed class QuectelSsl
    {
        private const int Version = 0;
        private const int Level = 1;
        private const int CaFile = 2;
        private const int Sni = 3;
        private const int Alpn = 4;

        private readonly ModemCommands commands;
        private readonly ILog log;
        private readonly HeldSettings held;

        public QuectelSsl(ModemCommands commands, ILog log, int contexts)
        {
            this.commands = commands;
            this.log = log;
            held = new HeldSettings(contexts, Alpn + 1);
        }

        /// <summary>The module restarted: every context is back at its defaults.</summary>
        public void Forget()
        {
            held.Forget();
        }

        /// <summary>
        /// Sets context <paramref name="context"/> to verify the server against <paramref name="caPath"/> with SNI and,
        /// unless <paramref name="protocol"/> is null, to offer it by ALPN (confirmed for this firmware by
        /// <see cref="ConfirmAlpn"/>): only what differs from what the context holds, on one command line.
        /// </summary>
        /// <exception cref="ModemException">The module refused a setting.</exception>
        public void Configure(int context, string caPath, string protocol)
        {
            SettingsLine line = new SettingsLine(commands.Command(2 * ModemCommands.LongCommand));
            Add(line, context, Version, "3", false);
            Add(line, context, Level, "1", false);
            Add(line, context, CaFile, caPath, true);
            Add(line, context, Sni, "1", false);
            if (protocol != null)
            {
                Add(line, context, Alpn, protocol, true);
            }

            if (line.Count == 0)
            {
                return;
            }

            bool done = false;
            try
            {
                commands.Ok(line.Command);
                done = true;
            }
            finally
            {
                if (!done)
                {
                    held.Forget(context);
                }
            }

            held.Set(context, Version, "3");
            held.Set(context, Level, "1");
            held.Set(context, CaFile, caPath);
            held.Set(context, Sni, "1");
            if (protocol != null)
            {
                held.Set(context, Alpn, protocol);
            }
        }

        /// <summary>
        /// Sets <paramref name="protocol"/> as the ALPN of <paramref name="context"/> and reads it back on the same command
        /// line; true when the read-back confirms it. Firmware without the setting ends the line with its error.
        /// </summary>
        public bool ConfirmAlpn(int context, string protocol)
        {
            held.Set(context, Alpn, null);
            SettingsLine both = new SettingsLine(commands.Command(ModemCommands.LongCommand));
            both.Add("+QSSLCFG=\"alpn\",").Append(context).Append(",").AppendQuoted(protocol);
            AtCommand line = both.Add("+QSSLCFG=\"alpn\",").Append(context).Expect("+QSSLCFG: ", 2);
            if (commands.Execute(line) != AtOutcome.Ok || line.Response.LineCount == 0)
            {
                // Expected on firmware without the setting: the session then runs MQTT over WebSocket.
                log.Info("ALPN not accepted or not read back: " + new AtCommandException(line).Message);
                return false;
            }

            int readContext;
            AtResponse response = line.Response;
            bool confirmed = response.GetField(0, 0) == "alpn" && response.TryGetInt(0, 1, out readContext)
                && readContext == context && response.GetField(0, 2) == protocol;
            if (!confirmed)
            {
                log.Warn("ALPN read back differs: " + response.GetLine(0));
                return false;
            }

            held.Set(context, Alpn, protocol);
            return true;
        }

        private void Add(SettingsLine line, int context, int key, string value, bool quoted)
        {
            if (held.Holds(context, key, value))
            {
                return;
            }

            AtCommand command = line.Add("+QSSLCFG=").AppendQuoted(KeywordOf(key)).Append(",").Append(context).Append(",");
            if (quoted)
            {
                command.AppendQuoted(value);
            }
            else
            {
                command.Append(value);
            }
        }

        private static string KeywordOf(int key)
        {
            switch (key)
            {
                case Version:
                    return "sslversion";
                case Level:
                    return "seclevel";
                case CaFile:
                    return "cacert";
                case Sni:
                    return "sni";
                default:
                    return "alpn";
            }
        }
    }
}
