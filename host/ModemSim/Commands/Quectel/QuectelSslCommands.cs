using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands.Quectel;

/// <summary>
/// AT+QSSLCFG per SSL context 0..5 (SSL application note): "sslversion", "seclevel", "cacert",
/// "sni" and, on firmware with it (the ALPN profile), "alpn"; each read back when given without its value.
/// Verification against the CA ("seclevel" 1) is the only level simulated.
/// </summary>
internal sealed class QuectelSslCommands(ModemCore modem) : ICommandFamily
{
    public const int ContextCount = 6;

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+QSSLCFG", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Configure(c.Args, r)));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Configure(CommandArgs args, CommandReply reply)
    {
        string key = args.Quoted(0).ToLowerInvariant();
        args.RequireCount(2, 3);
        int index = args.Int(1, 0, ContextCount - 1);
        SslContextConfig context = modem.Session.SslContexts[index];
        bool read = args.Count == 2;
        switch (key)
        {
            case "sslversion":
                if (!read)
                {
                    context.Version = args.Int(2, 0, 4);
                }

                Done(reply, read, Format($"+QSSLCFG: \"sslversion\",{index},{context.Version}"));
                break;
            case "seclevel":
                if (!read && args.Int(2, 0, 2) != 1)
                {
                    reply.Cme(CmeError.OperationNotSupported);
                    return;
                }

                context.SecLevel = read ? context.SecLevel : 1;
                Done(reply, read, Format($"+QSSLCFG: \"seclevel\",{index},{context.SecLevel}"));
                break;
            case "cacert":
                if (!read)
                {
                    context.CaCert = QuectelFileCommands.NameOf(args.Quoted(2));
                }

                Done(reply, read, Format($"+QSSLCFG: \"cacert\",{index},\"UFS:{context.CaCert}\""));
                break;
            case "sni":
                if (!read)
                {
                    context.SniOn = args.Int(2, 0, 1) == 1;
                }

                Done(reply, read, Format($"+QSSLCFG: \"sni\",{index},{(context.SniOn ? 1 : 0)}"));
                break;
            case "alpn":
                Alpn(args, reply, index, context, read);
                break;
            default:
                throw new CommandArgumentException("Unknown QSSLCFG setting.");
        }
    }

    private void Alpn(CommandArgs args, CommandReply reply, int index, SslContextConfig context, bool read)
    {
        if (!modem.Options.Profile.SupportsAlpn)
        {
            // Firmware without the setting does not know the keyword.
            throw new CommandArgumentException("Unknown QSSLCFG setting.");
        }

        if (!read)
        {
            string text = args.Quoted(2);
            string[] protocols = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (protocols.Any(p => p.Length > 255))
            {
                throw new CommandArgumentException("An ALPN protocol is at most 255 bytes.");
            }

            context.Alpn = protocols;
            context.AlpnText = text;
        }

        Done(reply, read, Format($"+QSSLCFG: \"alpn\",{index},\"{context.AlpnText}\""));
    }

    private static void Done(CommandReply reply, bool read, string answer)
    {
        if (read)
        {
            reply.Info(answer);
        }

        reply.Ok();
    }
}
