using System.Globalization;
using System.Text;
using CellularIot.App;
using CellularIot.ModemSim;

namespace CellularIot.Runner;

/// <summary>The figures a run ends with, and their printed form.</summary>
public sealed class RunSummary
{
    /// <summary>Where the run took place, in words.</summary>
    public required string World { get; init; }

    /// <summary>How it ended.</summary>
    public required RunOutcome Outcome { get; init; }

    /// <summary>The device after the run.</summary>
    public required Device Device { get; init; }

    /// <summary>The serial line's counters.</summary>
    public required CountingLink SerialLine { get; init; }

    /// <summary>The demo command's fate in words, or null when none was sent.</summary>
    public string? Command { get; init; }

    /// <summary>The modem's TCP totals at the end; null for a real modem, which does not report them.</summary>
    public TrafficSnapshot? Traffic { get; init; }

    /// <summary>The simulated modem's sockets; null for a real modem.</summary>
    public IReadOnlyList<SocketRecord>? Sockets { get; init; }

    /// <summary>AT command lines the simulated modem executed; null for a real modem.</summary>
    public int? ModemCommandCount { get; init; }

    /// <summary>What the simulated modem counted for each start of the firmware, in order (cold, then warm with --warm); empty for a real modem.</summary>
    public IReadOnlyList<StartFigures> Starts { get; init; } = [];

    /// <summary>Whether the run reached its goal.</summary>
    public bool Succeeded => Outcome.End == RunEnd.Reached;

    /// <summary>The summary as printed at the end of a run.</summary>
    public string Format()
    {
        DeviceRunner runner = Device.Runner;
        var session = Device.Session;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Summary");
        Row(text, "result", (Succeeded ? "goal reached: " : "goal NOT reached: ") + Outcome.Detail + $" (the run took {Seconds(Outcome.Elapsed.TotalMilliseconds)})");
        Row(text, "world", World);
        Row(text, "transport", session.TransportName ?? "none (never connected)");
        Row(text, "messages", $"{runner.MessagesSent} sent, {runner.MessagesAcknowledged} acknowledged");
        Row(text, "readings", $"{runner.ReadingsTaken} taken, {runner.ReadingsDelivered} delivered, {runner.BacklogCount} waiting, {runner.BacklogDropped} dropped");
        Row(text, "first ack", runner.FirstDeliveryMs < 0 ? "none" : Seconds(runner.FirstDeliveryMs) + " after the device started");
        Row(text, "commands", $"{runner.CommandsHandled} answered by the device" + (Command is null ? string.Empty : "; " + Command));
        if (Traffic is { } traffic)
        {
            Row(text, "TCP bytes", $"{traffic.Sent} sent, {traffic.Received} received, {traffic.Total} in all (TLS included, as the modem's sockets moved them)");
            if (Outcome.AtFirstAck is { } first)
            {
                Row(text, "  to 1st ack", $"{first.Sent} sent, {first.Received} received (bring-up: onboarding, connect, subscribe, first message)");
            }

            int after = runner.MessagesAcknowledged - 1;
            if (Outcome.AtFirstAck is { } from && Outcome.AtLastAck is { } to && after > 0)
            {
                TrafficSnapshot span = to - from;
                Row(
                    text,
                    "  per message",
                    string.Create(CultureInfo.InvariantCulture, $"{span.Sent / (double)after:0.#} sent, {span.Received / (double)after:0.#} received, {span.Total / (double)after:0.#} in all (average of the {after} after the first")
                    + (Command is null ? ")" : ", the command included)"));
            }

            if (Outcome.AtLastAck is { } atLast)
            {
                TrafficSnapshot rest = traffic - atLast;
                Row(text, "  after last", $"{rest.Sent} sent, {rest.Received} received (what followed the last ack: keep-alive pings, the closing DISCONNECT)");
            }
        }
        else
        {
            Row(text, "TCP bytes", "not reported by a real modem (the 1NCE portal shows the SIM's usage)");
        }

        foreach (SocketRecord socket in Sockets ?? [])
        {
            string alpn = socket.NegotiatedAlpn is null ? string.Empty : $", ALPN {socket.NegotiatedAlpn}";
            Row(text, "  socket", $"{socket.Host}:{socket.Port}{(socket.Tls ? " TLS" : string.Empty)}{alpn}: {socket.BytesSent} sent, {socket.BytesReceived} received");
        }

        Row(text, "AT commands", (ModemCommandCount is { } count ? count + " executed by the modem, " : string.Empty) + $"{SerialLine.Commands} written; serial line {SerialLine.BytesToModem} bytes to the modem, {SerialLine.BytesFromModem} from it");
        foreach (StartFigures start in Starts)
        {
            Row(text, "AT to 1st ack", (start.ToFirstAck is { } commands ? commands + " commands" : "no ack") + " (" + start.Start + ")");
            Row(text, "idle AT", string.Create(CultureInfo.InvariantCulture, $"{start.IdleCommands} commands in {start.IdleTime.TotalSeconds:0.0} s with nothing to send or receive"));
            Row(text, "fixed waits", string.Create(CultureInfo.InvariantCulture, $"{start.FixedWaitSeconds:0.000} s before the 1st ack"));
        }

        Row(text, "onboardings", session.Onboardings.ToString(CultureInfo.InvariantCulture));
        Row(text, "connections", $"{session.Connections} (lost {session.ConnectionsLost}, modem recoveries {session.ModemRecoveries})");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string value) => text.Append("  ").Append(name.PadRight(14)).Append(' ').AppendLine(value);

    private static string Seconds(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.000} s");
}
