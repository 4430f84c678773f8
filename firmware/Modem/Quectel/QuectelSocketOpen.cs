namespace CellularIot.Modem.Quectel
{
    using System;
    using CellularIot.At;

    /// <summary>Opening an SSL client (SSL application note, AT+QSSLOPEN): the options the module can carry, the command and its result.</summary>
    internal static class QuectelSocketOpen
    {
        /// <summary>AT+QSSLOPEN on client id and SSL context <paramref name="id"/>, and its result.</summary>
        /// <exception cref="SocketOpenException">The module could not open it.</exception>
        public static void Run(ModemCommands commands, QuectelSettings settings, int id, SecureSocketOptions options)
        {
            // AT+QSSLOPEN=<pdp ctx>,<ssl ctx>,<client id>,"<host>",<port>,0 (buffer access mode): OK, then the result
            // "+QSSLOPEN: <client id>,<err>" once DNS, TCP and the handshake are done.
            AtCommand open = commands.Command(ModemCommands.LongCommand).Begin("AT+QSSLOPEN=").Append(QuectelDataContext.Context).Append(",")
                .Append(id).Append(",").Append(id).Append(",").AppendQuoted(options.Host).Append(",").Append(options.Port).Append(",0")
                .ExpectResultAfterOk("+QSSLOPEN: " + id + ",", 1)
                .WithTimeout(settings.SocketOpenTimeoutMs);
            AtOutcome outcome = commands.Execute(open);
            int result;
            if (outcome == AtOutcome.Ok && open.Response.TryGetInt(0, 1, out result) && result == 0)
            {
                return;
            }

            // The id stays taken on the module after a failed or late open until AT+QSSLCLOSE frees it.
            commands.Execute(commands.Command(ModemCommands.LongCommand).Begin("AT+QSSLCLOSE=").Append(id));
            if (outcome == AtOutcome.Timeout)
            {
                throw new SocketOpenException(options.Host, SocketOpenError.Timeout, new AtCommandException(open));
            }

            if (outcome != AtOutcome.Ok || !open.Response.TryGetInt(0, 1, out result))
            {
                throw new SocketOpenException(options.Host, SocketOpenError.CommandFailed, new AtCommandException(open));
            }

            throw new SocketOpenException(options.Host, QuectelOpenResults.ErrorOf(result), result);
        }

        /// <summary>Refuses options an AT command cannot carry, ALPN the firmware does not have, and an SNI other than the host.</summary>
        public static void Check(SecureSocketOptions options, bool supportsAlpn)
        {
            SocketOptionsCheck.Check(options, supportsAlpn);
            if (options.ServerName != null && options.ServerName != options.Host)
            {
                // With "sni" on, the module sends the host name of AT+QSSLOPEN; it has no setting for another name.
                throw new NotSupportedException("this modem sends the host name as SNI and cannot send " + options.ServerName);
            }
        }
    }
}
