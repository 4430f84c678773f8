using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands.Quectel;

/// <summary>Quectel's own general commands: ATI, AT+QCCID, AT+QPOWD and AT+QLTS (AT Commands Manual).</summary>
internal sealed class QuectelGeneralCommands(ModemCore modem) : ICommandFamily
{
    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("I", Identify);
        dispatcher.Add("+QCCID", (c, r) => GeneralCommands.Only(c, CommandForm.Execute, r, () =>
            GeneralCommands.WithSim(modem, r, () => GeneralCommands.Answer(r, "+QCCID: " + modem.Options.Iccid))));
        dispatcher.Add("+QPOWD", PowerDown);
        dispatcher.Add("+QLTS", NetworkTime);
    }

    // ATI: manufacturer, model and revision, each on its own line.
    private void Identify(CommandLine command, CommandReply reply)
    {
        if (command.ParameterText is not ("" or "0"))
        {
            reply.Error();
            return;
        }

        reply.Info("Quectel");
        reply.Info(modem.Dialect.ModelName);
        reply.Info("Revision: " + modem.Revision);
        reply.Ok();
    }

    // AT+QPOWD[=<n>]: OK at once, then (n = 1, the default) POWERED DOWN, then the module is off.
    private void PowerDown(CommandLine command, CommandReply reply)
    {
        int mode = 1;
        if (command.Kind == CommandForm.Set)
        {
            CommandArgs args = command.Args;
            args.RequireCount(1, 1);
            mode = args.Int(0, 0, 1);
        }
        else if (command.Kind != CommandForm.Execute)
        {
            reply.Error();
            return;
        }

        reply.Ok();
        modem.PowerDown(announce: mode == 1);
    }

    // AT+QLTS[=<mode>]: 0 the time of the last network report, 1 the current time as UTC, 2 the current local time;
    // "yyyy/MM/dd,hh:mm:ss±zz,<dst>", or "" before the network has sent any.
    private void NetworkTime(CommandLine command, CommandReply reply)
    {
        int mode = 0;
        if (command.Kind == CommandForm.Set)
        {
            CommandArgs args = command.Args;
            args.RequireCount(1, 1);
            mode = args.Int(0, 0, 2);
        }
        else if (command.Kind != CommandForm.Execute)
        {
            reply.Error();
            return;
        }

        if (!modem.Session.ClockSynced)
        {
            GeneralCommands.Answer(reply, "+QLTS: \"\"");
            return;
        }

        DateTimeOffset now = modem.Clock.Now;
        DateTimeOffset shown = mode == 1 ? new DateTimeOffset(now.UtcDateTime.Ticks, now.Offset) : now;
        int quarters = (int)(now.Offset.TotalMinutes / 15);
        string text = shown.ToString("yyyy'/'MM'/'dd','HH':'mm':'ss", CultureInfo.InvariantCulture)
            + (quarters < 0 ? "-" : "+") + Math.Abs(quarters).ToString("00", CultureInfo.InvariantCulture);
        GeneralCommands.Answer(reply, "+QLTS: \"" + text + ",0\"");
    }
}
