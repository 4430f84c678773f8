using System.Globalization;
using System.Text;
using CellularIot.ModemSim.Core;
using CellularIot.ModemSim.Net;

namespace CellularIot.ModemSim.Commands;

/// <summary>The CA sockets: CACID, CAOPEN, CASEND (prompt, raw bytes), CARECV (length-prefixed raw bytes), CACLOSE.</summary>
internal sealed class SocketCommands(ModemCore modem) : ICommandFamily
{
    /// <summary>The most bytes one CASEND or CARECV moves.</summary>
    public const int MaxChunk = 1460;

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+CACID", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () =>
        {
            CommandArgs args = c.Args;
            args.RequireCount(1, 1);
            Cid(args);
            r.Ok();
        }));
        dispatcher.Add("+CAOPEN", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Open(c.Args, r)));
        dispatcher.Add("+CASEND", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Send(c.Args, r)));
        dispatcher.Add("+CARECV", Receive);
        dispatcher.Add("+CACLOSE", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Close(c.Args, r)));
    }

    private static int Cid(CommandArgs args) => args.Int(0, 0, SocketTable.Count - 1);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Open(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(5, 6);
        int cid = Cid(args);
        args.Int(1, 0, 3);
        string type = args.Quoted(2);
        string host = args.Quoted(3);
        int port = args.Int(4, 1, 65535);
        int receiveMode = args.OptionalInt(5, 0, 1, 0);
        if (host.Length is 0 or > 255)
        {
            throw new CommandArgumentException("Host must be 1..255 characters.");
        }

        if (!type.Equals("TCP", StringComparison.OrdinalIgnoreCase) || receiveMode != 0)
        {
            // UDP and the pushed receive mode (+CAURC) are not simulated.
            reply.Cme(CmeError.OperationNotSupported);
            return;
        }

        if (modem.Sockets.IsBusy(cid))
        {
            reply.Cme(CmeError.OperationNotAllowed);
            return;
        }

        if (modem.Options.Profile.OpenResultBeforeOk)
        {
            modem.Sockets.Open(cid, host, port, reply.Ok);
            return;
        }

        reply.Ok();
        modem.Sockets.Open(cid, host, port);
    }

    private void Send(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(2, 3);
        int cid = Cid(args);
        int length = args.Int(1, 1, MaxChunk);
        int timeoutMs = args.OptionalInt(2, 1, 600000, modem.Options.DefaultSendInputTimeoutMs);
        if (modem.Sockets[cid] is not { Phase: SocketPhase.Open } socket || socket.Queued + length > modem.Options.MaxSendBufferBytes)
        {
            reply.Cme(CmeError.OperationNotAllowed);
            return;
        }

        ModemProfile profile = modem.Options.Profile;
        reply.Text(profile.SendPrompt);
        modem.Input.Capture(
            length,
            timeoutMs,
            data =>
            {
                if (modem.Sockets[cid] != socket || socket.Phase != SocketPhase.Open)
                {
                    reply.Cme(CmeError.OperationNotAllowed);
                    return;
                }

                socket.Send(data);
                bool leaveOutOk = profile.MissingSendOkEvery > 0 && ++modem.Session.SendCount % profile.MissingSendOkEvery == 0;
                if (!leaveOutOk)
                {
                    reply.Ok();
                }

                if (profile.SendResultUrc)
                {
                    // Reported as the bytes are handed to TCP: before anything the peer answers can arrive, as on a
                    // real network, and in a fixed order.
                    modem.Urc(Format($"+CASEND: {cid},0,{data.Length}"));
                }
            },
            _ => reply.Error());
    }

    private void Receive(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(2, 2);
                int cid = Cid(args);
                int max = args.Int(1, 1, MaxChunk);
                ModemProfile profile = modem.Options.Profile;
                if (max > profile.MaxReceiveRequest)
                {
                    // Field firmware fails reads above 512 bytes.
                    reply.Error();
                    return;
                }

                if (modem.Sockets[cid] is not { Phase: not SocketPhase.Connecting } socket)
                {
                    reply.Cme(CmeError.OperationNotAllowed);
                    return;
                }

                byte[] data = socket.Receive(max);
                int read = ++modem.Session.ReceiveCount;
                bool withCid = profile.AlternateReceiveForms ? read % 2 == 0 : profile.ReceiveReportsCid;

                // Some firmware announces more than it then delivers (the rest is not lost: it comes with a later read),
                // at least the length of the answer's "\r\nOK\r\n" more, so the announced block runs into the OK.
                bool shortDelivery = profile.ShortDeliveryEvery > 0 && read % profile.ShortDeliveryEvery == 0 && data.Length > 0 && data.Length + 6 <= max;
                int announced = shortDelivery ? Math.Min(max, data.Length + 6 + (read % 5)) : data.Length;
                string prefix = withCid ? Format($"+CARECV: {cid},{announced}") : Format($"+CARECV: {announced}");
                if (data.Length == 0)
                {
                    reply.Info(prefix);
                }
                else
                {
                    // "\r\n+CARECV: <len>,<bytes>" and then the final result's own "\r\nOK\r\n".
                    reply.Raw([.. Encoding.ASCII.GetBytes("\r\n" + prefix + ","), .. data], data.Length);
                }

                reply.Ok();
                break;
            case CommandForm.Read:
                for (int i = 0; i < SocketTable.Count; i++)
                {
                    if (modem.Sockets[i] is { Phase: not SocketPhase.Connecting } open)
                    {
                        reply.Info(Format($"+CARECV: {i},{open.Buffer.Count}"));
                    }
                }

                reply.Ok();
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Close(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(1, 1);
        int cid = Cid(args);
        if (modem.Sockets[cid] is null)
        {
            reply.Cme(CmeError.OperationNotAllowed);
            return;
        }

        modem.Sockets.Close(cid);
        reply.Ok();
    }
}
