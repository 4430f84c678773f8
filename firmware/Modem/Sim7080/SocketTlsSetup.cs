namespace CellularIot.Modem.Sim7080
{
    using CellularIot.At;

    /// <summary>
    /// The TLS settings the module holds for each connection id: its SSL context's version, SNI and ALPN
    /// (AT+CSSLCFG; the context of a connection is its id), and the connection's SSL switch, context binding and CA
    /// file (AT+CASSLCFG). The binding ("CRINDEX") is written although firmware mostly defaults it to the id: firmware
    /// differs, and a connection on another socket's context would send that socket's SNI. The module keeps them until it restarts, so a setting is
    /// written only when it differs from what this driver last wrote: a reconnect to the same host writes none, and
    /// the IoT socket that follows onboarding on the same id writes only its SNI. What a failed command may have left
    /// is forgotten, and so is everything when the module restarts.
    /// </summary>
    internal sealed class SocketTlsSetup
    {
        private const int TlsVersion12 = 3;

        private readonly object sync = new object();
        private readonly ModemCommands commands;
        private readonly AlpnSetting alpn;
        private readonly bool[] versionSet;
        private readonly bool[] sslOn;
        private readonly string[] serverNames;
        private readonly string[] caFiles;
        private readonly string[] protocols;

        public SocketTlsSetup(ModemCommands commands, AlpnSetting alpn, int count)
        {
            this.commands = commands;
            this.alpn = alpn;
            versionSet = new bool[count];
            sslOn = new bool[count];
            serverNames = NoValues(count);
            caFiles = NoValues(count);
            protocols = NoValues(count);
        }

        /// <summary>
        /// Makes connection <paramref name="cid"/> verify against <paramref name="caFile"/>, send
        /// <paramref name="serverName"/> as SNI and, unless null, offer <paramref name="protocol"/> by ALPN. False
        /// when the module refused the ALPN setting.
        /// </summary>
        /// <exception cref="ModemException">A setting was refused.</exception>
        public bool Apply(int cid, string serverName, string caFile, string protocol)
        {
            bool done = false;
            try
            {
                // The settings that differ share one command line (V.250: "AT" once, the commands separated by
                // semicolons): one exchange with the module instead of one each. ALPN keeps a command of its own, so
                // that a firmware refusing it is told apart from a refused setting.
                bool version = !Holds(versionSet, cid);
                bool name = !Holds(serverNames, cid, serverName);
                bool ssl = !Holds(sslOn, cid);
                bool ca = !Holds(caFiles, cid, caFile);
                if (version || name || ssl || ca)
                {
                    AtCommand line = commands.Command(2 * ModemCommands.LongCommand).Begin("AT");
                    string separator = string.Empty;
                    if (version)
                    {
                        line.Append("+CSSLCFG=\"sslversion\",").Append(cid).Append(",").Append(TlsVersion12);
                        separator = ";";
                    }

                    if (name)
                    {
                        line.Append(separator).Append("+CSSLCFG=\"sni\",").Append(cid).Append(",").AppendQuoted(serverName);
                        separator = ";";
                    }

                    if (ssl)
                    {
                        line.Append(separator).Append("+CASSLCFG=").Append(cid).Append(",\"SSL\",1;+CASSLCFG=").Append(cid).Append(",\"CRINDEX\",").Append(cid);
                        separator = ";";
                    }

                    if (ca)
                    {
                        line.Append(separator).Append("+CASSLCFG=").Append(cid).Append(",\"CACERT\",").AppendQuoted(caFile);
                    }

                    commands.Ok(line);
                    Set(versionSet, cid);
                    Set(serverNames, cid, serverName);
                    Set(sslOn, cid);
                    Set(caFiles, cid, caFile);
                }

                if (protocol != null && !Holds(protocols, cid, protocol))
                {
                    // Confirmed by a read-back once at bring-up (ConfirmAlpn); here the module's OK is enough.
                    if (!alpn.Set(cid, protocol))
                    {
                        return false;
                    }

                    Set(protocols, cid, protocol);
                }

                done = true;
                return true;
            }
            finally
            {
                if (!done)
                {
                    Forget(cid);
                }
            }
        }

        /// <summary>Writes <paramref name="protocol"/> as context <paramref name="context"/>'s ALPN and reads it back; true when confirmed.</summary>
        public bool ConfirmAlpn(int context, string protocol)
        {
            Forget(context);
            if (!alpn.Configure(context, protocol))
            {
                return false;
            }

            Set(protocols, context, protocol);
            return true;
        }

        /// <summary>The module restarted (or may have): it holds none of these settings any more.</summary>
        public void Forget()
        {
            for (int cid = 0; cid < versionSet.Length; cid++)
            {
                Forget(cid);
            }
        }

        private void Forget(int cid)
        {
            lock (sync)
            {
                versionSet[cid] = false;
                sslOn[cid] = false;
                serverNames[cid] = null;
                caFiles[cid] = null;
                protocols[cid] = null;
            }
        }

        // On nanoFramework a new string array's slots are not null: each is cleared before anything reads it.
        private static string[] NoValues(int count)
        {
            string[] values = new string[count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = null;
            }

            return values;
        }

        private bool Holds(bool[] flags, int cid)
        {
            lock (sync)
            {
                return flags[cid];
            }
        }

        private bool Holds(string[] values, int cid, string value)
        {
            lock (sync)
            {
                return values[cid] == value;
            }
        }

        private void Set(bool[] flags, int cid)
        {
            lock (sync)
            {
                flags[cid] = true;
            }
        }

        private void Set(string[] values, int cid, string value)
        {
            lock (sync)
            {
                values[cid] = value;
            }
        }
    }
}
