using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands;

/// <summary>Radio mode, APN, registration (CEREG) and the application PDP context (CNACT).</summary>
internal sealed class NetworkCommands(ModemCore modem) : ICommandFamily
{
    private static readonly int[] NetworkModes = [2, 13, 38, 51];

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+CEREG", Cereg);
        dispatcher.Add("+CGDCONT", Cgdcont);
        if (modem.Dialect.IsSimcom)
        {
            dispatcher.Add("+CNMP", Cnmp);
            dispatcher.Add("+CMNB", Cmnb);
            dispatcher.Add("+CNCFG", Cncfg);
            dispatcher.Add("+CNACT", Cnact);
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Cnmp(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(1, 1);
                int mode = args.Int(0, 0, 99);
                if (!NetworkModes.Contains(mode))
                {
                    throw new CommandArgumentException("CNMP takes 2, 13, 38 or 51.");
                }

                modem.Session.NetworkMode = mode;
                reply.Ok();
                break;
            case CommandForm.Read:
                GeneralCommands.Answer(reply, Format($"+CNMP: {modem.Session.NetworkMode}"));
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Cmnb(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(1, 1);
                modem.Session.CatMode = args.Int(0, 1, 3);
                reply.Ok();
                break;
            case CommandForm.Read:
                GeneralCommands.Answer(reply, Format($"+CMNB: {modem.Session.CatMode}"));
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Cgdcont(CommandLine command, CommandReply reply)
    {
        GeneralCommands.Only(command, CommandForm.Set, reply, () =>
        {
            CommandArgs args = command.Args;
            args.RequireCount(3, 6);
            args.Int(0, 1, 15);
            string type = args.Quoted(1);
            if (type is not ("IP" or "IPV6" or "IPV4V6" or "Non-IP"))
            {
                throw new CommandArgumentException("Unknown PDP type.");
            }

            modem.Session.Apn = args.Quoted(2);
            reply.Ok();
        });
    }

    private void Cncfg(CommandLine command, CommandReply reply)
    {
        GeneralCommands.Only(command, CommandForm.Set, reply, () =>
        {
            CommandArgs args = command.Args;
            args.RequireCount(3, 6);
            args.Int(0, 0, 3);
            args.Int(1, 0, 3);
            modem.Session.Apn = args.Quoted(2);
            reply.Ok();
        });
    }

    private void Cereg(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(1, 1);
                modem.Session.CeregMode = args.Int(0, 0, 2);
                reply.Ok();
                break;
            case CommandForm.Read:
                GeneralCommands.Answer(reply, modem.Network.ReadLine());
                break;
            case CommandForm.Test:
                GeneralCommands.Answer(reply, "+CEREG: (0-2)");
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Cnact(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(2, 2);
                int context = args.Int(0, 0, 3);
                int action = args.Int(1, 0, 2);
                if (context != 0 || action == 2)
                {
                    // Only context 0 carries the CA sockets here; action 2 (auto) is not simulated.
                    reply.Cme(CmeError.OperationNotSupported);
                    return;
                }

                if (action == 0)
                {
                    reply.Ok();
                    modem.Network.Deactivate(byHost: true);
                }
                else if (modem.Network.Activate())
                {
                    reply.Ok();
                }
                else
                {
                    reply.Cme(CmeError.OperationNotAllowed);
                }

                break;
            case CommandForm.Read:
                foreach (string line in modem.Network.ContextLines())
                {
                    reply.Info(line);
                }

                reply.Ok();
                break;
            default:
                reply.Error();
                break;
        }
    }
}
