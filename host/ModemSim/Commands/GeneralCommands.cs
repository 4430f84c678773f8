using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands;

/// <summary>AT, echo, error mode, identity, SIM, signal, functionality, power down and the clock.</summary>
internal sealed class GeneralCommands(ModemCore modem) : ICommandFamily
{
    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add(string.Empty, (c, r) => Only(c, CommandForm.Execute, r, r.Ok));
        dispatcher.Add("E", Echo);
        dispatcher.Add("+CMEE", Cmee);
        dispatcher.Add("+CGMR", (c, r) => Only(c, CommandForm.Execute, r, () => BareAnswer(r, modem.Dialect.RevisionLine(modem.Revision))));
        dispatcher.Add("+CGMM", (c, r) => Only(c, CommandForm.Execute, r, () => Answer(r, modem.Dialect.ModelName)));
        dispatcher.Add("+CGSN", (c, r) => Only(c, CommandForm.Execute, r, () => BareAnswer(r, modem.Options.Imei)));
        dispatcher.Add("+CPIN", (c, r) => Only(c, CommandForm.Read, r, () => WithSim(modem, r, () => SimState(r))));
        dispatcher.Add("+CSQ", (c, r) => Only(c, CommandForm.Execute, r, () => Answer(r, Signal())));
        dispatcher.Add("+CFUN", Cfun);
        dispatcher.Add("+CCLK", Cclk);
        if (modem.Dialect.IsSimcom)
        {
            dispatcher.Add("+CCID", (c, r) => Only(c, CommandForm.Execute, r, () => WithSim(modem, r, () => WhenSimRead(r, () => BareAnswer(r, modem.Options.Iccid)))));
            dispatcher.Add("+CPOWD", Cpowd);
            dispatcher.Add("+CLTS", Clts);
        }
    }

    /// <summary>Runs <paramref name="action"/> for the one form the command has; any other form is ERROR.</summary>
    internal static void Only(CommandLine command, CommandForm kind, CommandReply reply, Action action)
    {
        if (command.Kind == kind)
        {
            action();
        }
        else
        {
            reply.Error();
        }
    }

    internal static void Answer(CommandReply reply, string line)
    {
        reply.Info(line);
        reply.Ok();
    }

    internal static void WithSim(ModemCore modem, CommandReply reply, Action action)
    {
        if (modem.Network.SimMissing)
        {
            reply.Cme(CmeError.SimNotInserted);
        }
        else
        {
            action();
        }
    }

    // Field modules print network-time and boot lines at any moment, also between a command and its bare answer.
    private void BareAnswer(CommandReply reply, string line)
    {
        if (modem.Options.Profile.LinesBeforeBareAnswers)
        {
            string[] unsolicited = ["DST: 0", "*PSUTTZ: " + PsuttzTime(modem.Clock.Now), "+CTZV: +00,0"];
            reply.Info(unsolicited[modem.Session.BareAnswerCount++ % unsolicited.Length]);
        }

        Answer(reply, line);
    }

    /// <summary>The time field of a <c>*PSUTTZ</c> line: <c>yy/MM/dd,hh:mm:ss","+zz",0</c> (the zone in quarter hours).</summary>
    internal static string PsuttzTime(DateTimeOffset time)
    {
        string clock = ModemClock.Format(time);
        int zoneAt = clock.Length - 3;
        return clock[..zoneAt] + "\",\"" + clock[zoneAt..] + "\",0";
    }

    private void WhenSimRead(CommandReply reply, Action action)
    {
        if (modem.Session.SimReady)
        {
            action();
        }
        else
        {
            reply.Cme(CmeError.SimBusy);
        }
    }

    private void SimState(CommandReply reply)
    {
        if (modem.Session.SimReady)
        {
            Answer(reply, "+CPIN: READY");
        }
        else if (modem.Session.SimQueryCount++ % 2 == 0)
        {
            reply.Cme(CmeError.SimBusy);
        }
        else
        {
            Answer(reply, "+CPIN: NOT READY");
        }
    }

    private string Signal()
    {
        bool radio = modem.Session.Cfun == 1 && !modem.Network.SimMissing;
        return radio ? string.Create(CultureInfo.InvariantCulture, $"+CSQ: {modem.Options.SignalRssi},99") : "+CSQ: 99,99";
    }

    private void Echo(CommandLine command, CommandReply reply)
    {
        switch (command.ParameterText)
        {
            case "" or "0":
                modem.Session.Echo = false;
                reply.Ok();
                break;
            case "1":
                modem.Session.Echo = true;
                reply.Ok();
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Cmee(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(1, 1);
                modem.Session.Cmee = args.Int(0, 0, 2);
                reply.Ok();
                break;
            case CommandForm.Read:
                Answer(reply, string.Create(CultureInfo.InvariantCulture, $"+CMEE: {modem.Session.Cmee}"));
                break;
            case CommandForm.Test:
                Answer(reply, "+CMEE: (0-2)");
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Cfun(CommandLine command, CommandReply reply)
    {
        if (command.Kind == CommandForm.Read)
        {
            Answer(reply, string.Create(CultureInfo.InvariantCulture, $"+CFUN: {modem.Session.Cfun}"));
            return;
        }

        if (command.Kind != CommandForm.Set)
        {
            reply.Error();
            return;
        }

        CommandArgs args = command.Args;
        args.RequireCount(1, 2);
        int level = args.Int(0, 0, 4);
        int reset = args.OptionalInt(1, 0, 1, 0);
        if (level is 2 or 3 || (reset == 1 && level != 1))
        {
            throw new CommandArgumentException("CFUN level must be 0, 1 or 4; reset only with 1.");
        }

        reply.Ok();
        if (reset == 1)
        {
            modem.Reboot();
            return;
        }

        modem.Session.Cfun = level;
        if (level == 1)
        {
            modem.Network.RadioOn();
        }
        else
        {
            modem.Network.RadioOff();
        }
    }

    private void Cpowd(CommandLine command, CommandReply reply)
    {
        if (command.Kind != CommandForm.Set)
        {
            reply.Error();
            return;
        }

        CommandArgs args = command.Args;
        args.RequireCount(1, 1);

        // 1 is the normal power down, announced; 0 is the urgent one, which says nothing.
        modem.PowerDown(announce: args.Int(0, 0, 1) == 1);
    }

    private void Clts(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(1, 1);
                modem.Session.Clts = args.Int(0, 0, 1) == 1;
                reply.Ok();
                modem.Network.SyncClock();
                break;
            case CommandForm.Read:
                Answer(reply, modem.Session.Clts ? "+CLTS: 1" : "+CLTS: 0");
                break;
            default:
                reply.Error();
                break;
        }
    }

    private void Cclk(CommandLine command, CommandReply reply)
    {
        switch (command.Kind)
        {
            case CommandForm.Read:
                string now = modem.Options.Profile.ClockWithoutZone ? ModemClock.Format(modem.Clock.Now.ToUniversalTime())[..17] : ModemClock.Format(modem.Clock.Now);
                Answer(reply, "+CCLK: \"" + now + "\"");
                break;
            case CommandForm.Set:
                CommandArgs args = command.Args;
                args.RequireCount(1, 1);
                if (!ModemClock.TryParse(args.Quoted(0), out DateTimeOffset time))
                {
                    throw new CommandArgumentException("Clock must be \"yy/MM/dd,hh:mm:ss+zz\".");
                }

                modem.Clock.Set(time);
                reply.Ok();
                break;
            default:
                reply.Error();
                break;
        }
    }
}
