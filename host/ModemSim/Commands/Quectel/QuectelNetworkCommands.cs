using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands.Quectel;

/// <summary>
/// Radio settings (AT+QCFG "nwscanmode", "iotopmode") and PDP context 1 (TCP/IP application note: AT+QICSGP,
/// AT+QIACT, AT+QIDEACT). AT+QIACT answers OK only once the context is up, ERROR when the network refuses it.
/// </summary>
internal sealed class QuectelNetworkCommands(ModemCore modem) : ICommandFamily
{
    private const int Context = 1;

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+QCFG", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Configure(c.Args, r)));
        dispatcher.Add("+QICSGP", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => DefineContext(c.Args, r)));
        dispatcher.Add("+QIACT", Activate);
        dispatcher.Add("+QIDEACT", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Deactivate(c.Args, r)));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // "nwscanmode" 0 auto, 1 GSM, 3 LTE; "iotopmode" 0 Cat-M1, 1 NB-IoT, 2 both; an optional effect flag (1: at once).
    private void Configure(CommandArgs args, CommandReply reply)
    {
        string key = args.Quoted(0).ToLowerInvariant();
        switch (key)
        {
            case "nwscanmode":
                args.RequireCount(1, 3);
                if (args.Count == 1)
                {
                    GeneralCommands.Answer(reply, Format($"+QCFG: \"nwscanmode\",{modem.Session.NetworkMode}"));
                    return;
                }

                int scan = args.Int(1, 0, 3);
                if (scan == 2)
                {
                    throw new CommandArgumentException("nwscanmode takes 0, 1 or 3.");
                }

                args.OptionalInt(2, 0, 1, 1);
                modem.Session.NetworkMode = scan;
                reply.Ok();
                break;
            case "iotopmode":
                args.RequireCount(1, 3);
                if (args.Count == 1)
                {
                    GeneralCommands.Answer(reply, Format($"+QCFG: \"iotopmode\",{modem.Session.CatMode}"));
                    return;
                }

                modem.Session.CatMode = args.Int(1, 0, 2);
                args.OptionalInt(2, 0, 1, 1);
                reply.Ok();
                break;
            default:
                throw new CommandArgumentException("Unknown QCFG setting.");
        }
    }

    // AT+QICSGP=<ctx>,<type>,"<apn>","<user>","<password>",<auth>, or AT+QICSGP=<ctx> to read it back.
    private void DefineContext(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(1, 6);
        int context = args.Int(0, 1, 16);
        if (args.Count == 1)
        {
            string apn = context == Context ? modem.Session.Apn : string.Empty;
            GeneralCommands.Answer(reply, Format($"+QICSGP: 1,\"{apn}\",\"\",\"\",0"));
            return;
        }

        args.RequireCount(3, 6);
        args.Int(1, 1, 3);
        string name = args.Quoted(2);
        if (args.Count > 3)
        {
            args.Quoted(3);
        }

        if (args.Count > 4)
        {
            args.Quoted(4);
        }

        args.OptionalInt(5, 0, 3, 0);
        if (context == Context)
        {
            modem.Session.Apn = name;
        }

        reply.Ok();
    }

    private void Activate(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(1, 1);
                if (args.Int(0, 1, 16) != Context || modem.Session.Apn.Length == 0)
                {
                    reply.Error();
                    return;
                }

                if (modem.Network.PdpActive)
                {
                    reply.Ok();
                    return;
                }

                modem.Later(modem.Options.PdpActivationDelayMs, () =>
                {
                    if (modem.Network.ActivateNow())
                    {
                        reply.Ok();
                    }
                    else
                    {
                        reply.Error();
                    }
                });
                break;
            case CommandForm.Read:
                if (modem.Network.PdpActive)
                {
                    reply.Info(Format($"+QIACT: {Context},1,1,\"{modem.Options.PdpAddress}\""));
                }

                reply.Ok();
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Deactivate(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(1, 1);
        if (args.Int(0, 1, 16) == Context && modem.Network.PdpActive)
        {
            modem.Network.Deactivate(byHost: true);
        }

        reply.Ok();
    }
}
