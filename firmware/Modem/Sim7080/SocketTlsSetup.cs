namespace CellularIot.Modem.Sim7080
{
    using CellularIot.At;

    /// <summary>
    /// The TLS settings the module holds for each connection id: its SSL context's version, SNI and ALPN
    /// (AT+CSSLCFG; the context of a connection is its id, AT+CASSLCFG "crindex" defaults to it), and the
    /// connection's SSL switch and CA file (AT+CASSLCFG). The module keeps them until it restarts, so a setting is
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
            serverNames = new string[count];
            caFiles = new string[count];
            protocols = new string[count];
            Forget();
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
                if (!Holds(versionSet, cid))
                {
                    commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=\"sslversion\",").Append(cid).Append(",").Append(TlsVersion12));
                    Set(versionSet, cid);
                }

                if (!Holds(serverNames, cid, serverName))
                {
                    commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=\"sni\",").Append(cid).Append(",").AppendQuoted(serverName));
                    Set(serverNames, cid, serverName);
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

                if (!Holds(sslOn, cid))
                {
                    commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CASSLCFG=").Append(cid).Append(",\"SSL\",1"));
                    Set(sslOn, cid);
                }

                if (!Holds(caFiles, cid, caFile))
                {
                    commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CASSLCFG=").Append(cid).Append(",\"CACERT\",").AppendQuoted(caFile));
                    Set(caFiles, cid, caFile);
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
