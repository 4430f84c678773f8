using System.Globalization;
using System.Text;
using CellularIot.ModemSim.Core;
using CellularIot.ModemSim.Net;

namespace CellularIot.ModemSim.Commands.Quectel;

/// <summary>
/// The SSL sockets in buffer access mode (SSL application note): AT+QSSLOPEN (OK, then <c>+QSSLOPEN: &lt;id&gt;,&lt;err&gt;</c>),
/// AT+QSSLSEND (prompt, exactly the announced bytes, <c>SEND OK</c> or <c>SEND FAIL</c> when the send buffer is full),
/// AT+QSSLRECV (<c>+QSSLRECV: &lt;n&gt;</c>, a line end, n raw bytes) and AT+QSSLCLOSE. A socket verifies the server with
/// its SSL context's CA file, which the module reads when the socket opens.
/// </summary>
internal sealed class QuectelSocketCommands(ModemCore modem) : ICommandFamily
{
    /// <summary>The most bytes one AT+QSSLSEND takes.</summary>
    public const int MaxSend = 1460;

    /// <summary>The most bytes one AT+QSSLRECV returns.</summary>
    public const int MaxReceive = 1500;

    private const int PdpContext = 1;

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+QSSLOPEN", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Open(c.Args, r)));
        dispatcher.Add("+QSSLSEND", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Send(c.Args, r)));
        dispatcher.Add("+QSSLRECV", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Receive(c.Args, r)));
        dispatcher.Add("+QSSLCLOSE", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Close(c.Args, r)));
    }

    private static int Id(CommandArgs args, int index) => args.Int(index, 0, SocketTable.Count - 1);

    private void Open(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(5, 6);
        int pdp = args.Int(0, 1, 16);
        int contextIndex = args.Int(1, 0, QuectelSslCommands.ContextCount - 1);
        int id = Id(args, 2);
        string host = args.Quoted(3);
        int port = args.Int(4, 1, 65535);
        int mode = args.OptionalInt(5, 0, 2, 0);
        if (host.Length is 0 or > 150)
        {
            throw new CommandArgumentException("Host must be 1..150 characters.");
        }

        if (pdp != PdpContext || mode != 0)
        {
            // Other contexts, direct push and transparent mode are not simulated.
            reply.Cme(CmeError.OperationNotSupported);
            return;
        }

        if (modem.Sockets.IsBusy(id))
        {
            reply.Cme(CmeError.OperationNotAllowed);
            return;
        }

        // The SIMCom-shaped socket settings the socket table opens with, taken from the SSL context.
        SslContextConfig context = modem.Session.SslContexts[contextIndex];
        SocketConfig socket = modem.Session.Sockets[id];
        socket.Ssl = true;
        socket.ContextIndex = contextIndex;
        socket.CaCert = context.SecLevel == 1 && context.CaCert is { } ca && modem.Files.Convert(ca) ? ca : null;
        context.Sni = context.SniOn ? host : null;
        reply.Ok();
        modem.Sockets.Open(id, host, port);
    }

    private void Send(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(2, 2);
        int id = Id(args, 0);
        int length = args.Int(1, 1, MaxSend);
        if (modem.Sockets[id] is not { Phase: SocketPhase.Open } socket)
        {
            reply.Error();
            return;
        }

        reply.Text(modem.Options.Profile.SendPrompt);
        modem.Input.Capture(
            length,
            modem.Options.DefaultSendInputTimeoutMs,
            data =>
            {
                if (modem.Sockets[id] != socket || socket.Phase != SocketPhase.Open)
                {
                    reply.Error();
                }
                else if (socket.Queued + data.Length > modem.Options.MaxSendBufferBytes)
                {
                    reply.Result("SEND FAIL");
                }
                else
                {
                    socket.Send(data);
                    reply.Result("SEND OK");
                }
            },
            _ => reply.Error());
    }

    private void Receive(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(2, 2);
        int id = Id(args, 0);
        int max = args.Int(1, 1, MaxReceive);
        if (modem.Sockets[id] is not { Phase: not SocketPhase.Connecting } socket)
        {
            reply.Error();
            return;
        }

        byte[] data = socket.Receive(max);
        string header = string.Create(CultureInfo.InvariantCulture, $"+QSSLRECV: {data.Length}");
        if (data.Length == 0)
        {
            reply.Info(header);
        }
        else
        {
            // "\r\n+QSSLRECV: <n>\r\n<bytes>\r\n" and then the final result's own "\r\nOK\r\n".
            reply.Raw([.. Encoding.ASCII.GetBytes("\r\n" + header + "\r\n"), .. data, (byte)'\r', (byte)'\n']);
        }

        reply.Ok();
    }

    private void Close(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(1, 2);
        int id = Id(args, 0);
        args.OptionalInt(1, 0, 65535, 10);
        modem.Sockets.Close(id);
        reply.Ok();
    }
}
