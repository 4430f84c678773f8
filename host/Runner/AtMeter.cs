using CellularIot.App;
using CellularIot.ModemSim;

namespace CellularIot.Runner;

/// <summary>
/// Counts one start of the firmware from the simulated modem's side, for the summary and the budget tests: the AT
/// command lines the firmware wrote (answered or not) from its start to the first acknowledged message; those it
/// wrote while idle (online, every message acknowledged, and a step that neither took a reading, nor sent,
/// received (no read that returned data) or answered anything); and the time before the first acknowledgement that the serial line was silent
/// in both directions until the firmware wrote again, which is the firmware waiting on its own timers (guard
/// times, probes nobody answers, polls) rather than on the modem or the network.
/// </summary>
public sealed class AtMeter : IDisposable
{
    private readonly ModemSimulator modem;
    private readonly Lock gate = new();
    private readonly int startCommands;
    private long lastLineEventMs = -1;
    private long silentBeforeWritesMs;
    private bool firstAckSeen;
    private int? toFirstAck;
    private double? fixedWaitSeconds;
    private int idleCommands;
    private TimeSpan idleTime;
    private int stepCommands;
    private bool quietBefore;
    private long readingsBefore;
    private int sentBefore;
    private int handledBefore;
    private int connectionsBefore;
    private long stepStartTicks;
    private bool receivedInStep;

    /// <summary>Starts counting on <paramref name="modem"/> for a start described as <paramref name="start"/> ("cold start", "warm start").</summary>
    public AtMeter(ModemSimulator modem, string start)
    {
        ArgumentNullException.ThrowIfNull(modem);
        this.modem = modem;
        Start = start;
        startCommands = modem.CommandsWritten;
        modem.Traffic.EntryAdded += OnTraffic;
    }

    /// <summary>"cold start" or "warm start".</summary>
    public string Start { get; }

    /// <summary>What was counted so far.</summary>
    public StartFigures Figures
    {
        get
        {
            lock (gate)
            {
                return new StartFigures(Start, toFirstAck, idleCommands, idleTime, fixedWaitSeconds ?? silentBeforeWritesMs / 1000.0);
            }
        }
    }

    /// <summary>Call before each <see cref="Device.Step"/>.</summary>
    public void BeforeStep(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        quietBefore = IsQuiet(device);
        readingsBefore = device.Runner.ReadingsTaken;
        sentBefore = device.Runner.MessagesSent;
        handledBefore = device.Runner.CommandsHandled;
        connectionsBefore = device.Session.Connections;
        stepCommands = modem.CommandsWritten;
        stepStartTicks = Environment.TickCount64;
        lock (gate)
        {
            receivedInStep = false;
        }
    }

    /// <summary>Call after each <see cref="Device.Step"/>.</summary>
    public void AfterStep(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        int now = modem.CommandsWritten;
        lock (gate)
        {
            if (!firstAckSeen && device.Runner.MessagesAcknowledged > 0)
            {
                firstAckSeen = true;
                toFirstAck = now - startCommands;
                fixedWaitSeconds = silentBeforeWritesMs / 1000.0;
            }

            bool idle = quietBefore && !receivedInStep && IsQuiet(device)
                && device.Runner.ReadingsTaken == readingsBefore && device.Runner.MessagesSent == sentBefore
                && device.Runner.CommandsHandled == handledBefore && device.Session.Connections == connectionsBefore;
            if (idle)
            {
                idleCommands += now - stepCommands;
                idleTime += TimeSpan.FromMilliseconds(Environment.TickCount64 - stepStartTicks);
            }
        }
    }

    /// <summary>Stops watching the modem's traffic.</summary>
    public void Dispose() => modem.Traffic.EntryAdded -= OnTraffic;

    // Online with every message acknowledged: nothing is due until the next reading or message from the cloud.
    private static bool IsQuiet(Device device) =>
        device.Session.IsOnline && device.Session.InFlightCount == 0 && device.Runner.MessagesSent == device.Runner.MessagesAcknowledged;

    // "+CARECV: <len>," (or "+CARECV: <cid>,<len>,") with data: the answer to a read that found something.
    private static bool ReceivedData(string text)
    {
        int at = text.IndexOf("+CARECV: ", StringComparison.Ordinal);
        return at >= 0 && text.IndexOf(',', at) > 0;
    }

    private void OnTraffic(object? sender, AtTrafficEventArgs e)
    {
        lock (gate)
        {
            if (!firstAckSeen && e.Entry.Direction == TrafficDirection.ToModem && lastLineEventMs >= 0)
            {
                silentBeforeWritesMs += e.Entry.ElapsedMs - lastLineEventMs;
            }

            lastLineEventMs = e.Entry.ElapsedMs;

            // Data handed to the firmware (a late SUBACK, a message from the cloud): that step had something to receive.
            if (e.Entry.Direction == TrafficDirection.FromModem && ReceivedData(e.Entry.Text))
            {
                receivedInStep = true;
            }
        }
    }
}
