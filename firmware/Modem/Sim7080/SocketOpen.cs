namespace CellularIot.Modem.Sim7080
{
    using System;
    using CellularIot.At;

    /// <summary>Opening a CA socket: the options checked against what a command can carry, AT+CAOPEN and its result.</summary>
    internal static class SocketOpen
    {
        /// <summary>AT+CAOPEN on <paramref name="cid"/> and its result.</summary>
        /// <exception cref="SocketOpenException">The module could not open it.</exception>
        public static void Run(ModemCommands commands, Sim7080Settings settings, int cid, SecureSocketOptions options)
        {
            AtCommand open = commands.Command(ModemCommands.LongCommand).Begin("AT+CAOPEN=").Append(cid).Append(",0,\"TCP\",")
                .AppendQuoted(options.Host).Append(",").Append(options.Port)
                .ExpectResultAfterOk("+CAOPEN: " + cid + ",", 1)
                .WithTimeout(settings.SocketOpenTimeoutMs);
            AtOutcome outcome = commands.Execute(open);
            if (outcome == AtOutcome.Timeout)
            {
                // The module may still finish the open later and hold the id: close it so the id can be reused.
                commands.Execute(commands.Command(ModemCommands.LongCommand).Begin("AT+CACLOSE=").Append(cid));
                throw new SocketOpenException(options.Host, SocketOpenError.Timeout, new AtCommandException(open));
            }

            int result;
            if (outcome != AtOutcome.Ok || !open.Response.TryGetInt(0, 1, out result))
            {
                throw new SocketOpenException(options.Host, SocketOpenError.CommandFailed, new AtCommandException(open));
            }

            if (result != 0)
            {
                throw new SocketOpenException(options.Host, CaOpenResults.ErrorOf(result), result);
            }
        }

        /// <summary>Refuses options an AT command cannot carry, and ALPN the firmware does not have.</summary>
        public static void Check(SecureSocketOptions options, bool supportsAlpn)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            AtText.CheckCommandText(options.Host);
            AtText.CheckCommandText(options.CaFileName);
            if (options.ServerName != null)
            {
                AtText.CheckCommandText(options.ServerName);
            }

            if (options.Port < 1 || options.Port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "port must be 1..65535");
            }

            if (options.Alpn != null)
            {
                AtText.CheckCommandText(options.Alpn);
                if (!supportsAlpn)
                {
                    throw new NotSupportedException("this modem firmware has no confirmed ALPN setting");
                }
            }
        }
    }
}
