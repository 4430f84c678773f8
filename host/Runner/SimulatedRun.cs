using System.Net;
using System.Text;
using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.At;
using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Host.Transcripts;
using CellularIot.ModemSim;

namespace CellularIot.Runner;

/// <summary>The default run: the firmware against the simulated world, with a ping from the cloud's side.</summary>
public static class SimulatedRun
{
    private const string PingCommand = "ping";

    /// <summary>Starts the world, runs the device to the plan's goal, prints the summary; returns the summary.</summary>
    public static async Task<RunSummary> RunAsync(RunnerOptions options, DeviceSettings settings, SessionSettings sessionSettings, RunPlan plan, ConsoleLog log, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        bool alpn = options.ModemAlpn || settings.Transport == TransportChoice.MqttTls;
        SimulatedWorld world = await SimulatedWorld.StartAsync(
            new WorldOptions
            {
                Model = ModemDrivers.SimulatedModelFor(settings.ResolveModem()),
                ModemAlpn = alpn,
                FieldModem = options.FieldModem,
                Simulator = options.FieldModem ? new ModemSimOptions().WithFieldTiming(1) : new ModemSimOptions(),
                OverPty = options.Pty,
                OverBoardModel = options.BoardModel,
                BaudRate = options.BaudRate ?? settings.BaudRate,
            },
            stop).ConfigureAwait(false);
        await using (world.ConfigureAwait(false))
        {
            return Run(world, options, settings, sessionSettings, plan, log, stop);
        }
    }

    private static RunSummary Run(SimulatedWorld world, RunnerOptions options, DeviceSettings settings, SessionSettings sessionSettings, RunPlan plan, ConsoleLog log, CancellationToken stop)
    {
        SimulatedCloud cloud = world.Cloud;
        log.Runner($"simulated cloud: onboarding API {cloud.OnboardingHost} at {cloud.OnboardingEndpoint}, IoT Core {cloud.IotHost} at {cloud.IotEndpoint}");
        log.Runner($"simulated modem: {world.ModemDescription}, SIM {world.Iccid} from {world.Options.SimAddress}, on {world.LinkName}");
        log.Runner($"the device trusts the simulated cloud's CA ({cloud.CaCertificatePath}) instead of Amazon Root CA 1");
        log.Runner("free memory and temperature are stand-in values shaped like an ESP32-S3's, so payloads have the board's sizes");
        log.Runner("goal: " + plan.Describe(settings.PublishIntervalSeconds));
        if (options.TraceAt)
        {
            world.Modem.Traffic.EntryAdded += (_, e) => log.Plain("          AT  " + e.Entry);
        }

        var ping = new PingState();
        string replyTopic = world.Iccid + "/replies/" + PingCommand;
        using IDisposable watch = cloud.WatchMessages(message =>
        {
            log.Cloud($"received {message.Topic} ({message.Payload.Length} bytes{(message.Duplicate ? ", DUP" : string.Empty)}): {message.PayloadText}");
            if (string.Equals(message.Topic, replyTopic, StringComparison.Ordinal))
            {
                ping.Answered(message.PayloadText);
            }
        });

        ModemDrivers drivers = world.DriversFor(settings);
        log.Runner($"modem driver: {ModemDrivers.NameOf(drivers.Choice)}");
        using TranscriptLink? transcript = Tracing.Open(options, world.FirmwareLink, "simulated modem: " + world.ModemDescription, log);
        var line = new CountingLink((IByteLink?)transcript ?? world.FirmwareLink);
        var starts = new List<StartFigures>();
        if (options.Warm)
        {
            (Device cold, RunOutcome coldOutcome) = RunOnce(world, settings, drivers, sessionSettings, plan, log, line, "cold start", starts, null, stop);
            if (coldOutcome.End != RunEnd.Reached)
            {
                Tracing.Close(transcript, cold);
                return Summarise(world, cold, coldOutcome, line, null, starts);
            }

            log.Runner("warm restart: the firmware starts again; the modem stays on with its files and settings, the login stays in the store");
        }

        (Device device, RunOutcome outcome) = RunOnce(
            world,
            settings,
            drivers,
            sessionSettings,
            plan,
            log,
            line,
            options.Warm ? "warm start" : "cold start",
            starts,
            count =>
            {
                if (count == plan.PingAfterAck)
                {
                    ping.Send(world, log, stop);
                }
            },
            stop,
            ping.WaitingFor);
        if (outcome.End == RunEnd.Reached && ping.Failure is { } failure)
        {
            outcome = outcome with { End = RunEnd.Failed, Detail = failure };
        }

        Tracing.Close(transcript, device);
        return Summarise(world, device, outcome, line, ping.Describe(), starts);
    }

    // One start of the firmware until the plan's goal; the device is disposed (its MQTT session ended politely) on return.
    private static (Device Device, RunOutcome Outcome) RunOnce(
        SimulatedWorld world,
        DeviceSettings settings,
        ModemDrivers drivers,
        SessionSettings sessionSettings,
        RunPlan plan,
        ConsoleLog log,
        CountingLink line,
        string start,
        List<StartFigures> starts,
        Action<int>? acknowledged,
        CancellationToken stop,
        Func<string?>? waitingFor = null)
    {
        Device device = world.CreateDevice(settings, drivers, sessionSettings, log, line);
        using var meter = new AtMeter(world.Modem, start);
        try
        {
            var loop = new StepLoop(device, plan, () => new TrafficSnapshot(world.Modem.TcpBytesSent, world.Modem.TcpBytesReceived), meter);
            return (device, loop.Run(waitingFor ?? (() => null), acknowledged, stop));
        }
        finally
        {
            device.Dispose();
            starts.Add(meter.Figures);
        }
    }

    private static RunSummary Summarise(SimulatedWorld world, Device device, RunOutcome outcome, CountingLink line, string? command, List<StartFigures> starts) => new()
    {
        World = $"simulated: {world.ModemDescription} on {world.LinkName}",
        Outcome = outcome,
        Device = device,
        SerialLine = line,
        Command = command,
        Traffic = new TrafficSnapshot(world.Modem.TcpBytesSent, world.Modem.TcpBytesReceived),
        Sockets = world.Modem.Sockets,
        ModemCommandCount = world.Modem.CommandCount,
        Starts = starts,
    };

    /// <summary>The demo ping: sent once from the cloud's side, answered when its reply reaches the cloud.</summary>
    private sealed class PingState
    {
        private readonly Lock gate = new();
        private bool sent;
        private string? status;
        private string? reply;
        private string? failure;

        public string? Failure
        {
            get
            {
                lock (gate)
                {
                    return failure;
                }
            }
        }

        public void Send(SimulatedWorld world, ConsoleLog log, CancellationToken stop)
        {
            lock (gate)
            {
                sent = true;
            }

            log.Cloud($"sending {PingCommand} to {world.Iccid}/commands/{PingCommand} (HTTPS POST to IoT Core with the SIM's credentials, QoS 1)");
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        HttpStatusCode code = await world.SendCommandAsync(PingCommand, "{}", stop).ConfigureAwait(false);
                        SetStatus((int)code + " " + code, code == HttpStatusCode.OK ? null : $"the ping was refused by IoT Core with {(int)code} {code}");
                        log.Cloud($"{PingCommand} accepted by IoT Core: HTTP {(int)code} {code}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        SetStatus("not sent", "the ping could not be sent: " + e.Message);
                        log.RunnerWarning("the ping could not be sent: " + e.Message);
                    }
                },
                CancellationToken.None);
        }

        public void Answered(string payload)
        {
            lock (gate)
            {
                reply ??= payload;
            }
        }

        public string? WaitingFor()
        {
            lock (gate)
            {
                return sent && reply is null && failure is null ? "the ping's reply" : null;
            }
        }

        public string? Describe()
        {
            lock (gate)
            {
                if (!sent)
                {
                    return null;
                }

                return reply is null
                    ? $"{PingCommand} sent from the cloud ({status ?? "no answer yet"}), no reply received"
                    : $"{PingCommand} sent from the cloud, reply received: {reply}";
            }
        }

        private void SetStatus(string text, string? problem)
        {
            lock (gate)
            {
                status = text;
                failure = problem;
            }
        }
    }
}
