using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands;

/// <summary>
/// TLS settings: AT+CSSLCFG (sslversion, sni, alpn in the ALPN profile, convert) per SSL context 0..11, and
/// AT+CASSLCFG (SSL, CACERT, crindex) per socket; a socket uses the context with its own cid unless crindex names another.
/// </summary>
internal sealed class SslCommands(ModemCore modem) : ICommandFamily
{
    private const int RootCaType = 2;

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+CSSLCFG", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Csslcfg(c.Args, r)));
        dispatcher.Add("+CASSLCFG", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Casslcfg(c.Args, r)));
    }

    private int Context(CommandArgs args) => args.Int(1, 0, ContextLimit - 1);

    // Field firmware has contexts 0..5 only; the standard profile has one per connection id.
    private int ContextLimit => Math.Min(SessionState.SslContextCount, modem.Options.Profile.SslContextLimit);

    private void Csslcfg(CommandArgs args, CommandReply reply)
    {
        string key = args.Quoted(0).ToLowerInvariant();
        switch (key)
        {
            case "sslversion":
                args.RequireCount(3, 3);
                modem.Session.SslContexts[Context(args)].Version = args.Int(2, 0, 4);
                reply.Ok();
                break;
            case "sni":
                args.RequireCount(3, 3);
                string host = args.Quoted(2);
                modem.Session.SslContexts[Context(args)].Sni = host.Length == 0 ? null : host;
                reply.Ok();
                break;
            case "alpn":
                Alpn(args, reply);
                break;
            case "convert":
                args.RequireCount(3, 3);
                if (args.Int(1, 1, 3) != RootCaType)
                {
                    // Client certificates and keys are not simulated.
                    reply.Cme(CmeError.OperationNotSupported);
                }
                else if (modem.Files.Convert(args.Quoted(2)))
                {
                    reply.Ok();
                }
                else
                {
                    reply.Error();
                }

                break;
            default:
                throw new CommandArgumentException("Unknown CSSLCFG setting.");
        }
    }

    private void Alpn(CommandArgs args, CommandReply reply)
    {
        if (!modem.Options.Profile.SupportsAlpn)
        {
            reply.Cme(CmeError.OperationNotSupported);
            return;
        }

        args.RequireCount(2, 3);
        SslContextConfig context = modem.Session.SslContexts[Context(args)];
        if (args.Count == 2)
        {
            GeneralCommands.Answer(reply, string.Create(CultureInfo.InvariantCulture, $"+CSSLCFG: \"alpn\",{Context(args)},\"{context.AlpnText}\""));
            return;
        }

        string text = args.Quoted(2);
        string[] protocols = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (protocols.Any(p => p.Length > 255))
        {
            throw new CommandArgumentException("An ALPN protocol is at most 255 bytes.");
        }

        context.Alpn = protocols;
        context.AlpnText = text;
        reply.Ok();
    }

    private void Casslcfg(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(3, 3);
        SocketConfig socket = modem.Session.Sockets[args.Int(0, 0, SessionState.SocketCount - 1)];
        switch (args.Quoted(1).ToLowerInvariant())
        {
            case "ssl":
                socket.Ssl = args.Int(2, 0, 1) == 1;
                break;
            case "cacert":
                string name = args.Quoted(2);
                socket.CaCert = name.Length == 0 ? null : name;
                break;
            case "crindex":
                socket.ContextIndex = args.Int(2, 0, ContextLimit - 1);
                break;
            default:
                throw new CommandArgumentException("Unknown CASSLCFG setting.");
        }

        reply.Ok();
    }
}
