using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.At;
using CellularIot.Bytes;
using CellularIot.Cloud;
using CellularIot.Cloud.Session;
using CellularIot.Host;
using CellularIot.Host.Transcripts;

namespace CellularIot.Runner;

/// <summary>
/// The firmware against a real modem (SIM7080G, or BG95/BG96 with --modem) on a serial port, a real 1NCE SIM and the real 1NCE and AWS endpoints,
/// trusting Amazon Root CA 1 as the board does. The PC cannot press the modem's PWRKEY, so the modem must be on.
/// </summary>
public static class SerialRun
{
    /// <summary>Where the login is kept between runs: the user's local application data folder.</summary>
    public static string StoreDirectory => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cellulariot", "runner");

    /// <summary>Opens the port, runs the device to the plan's goal and returns the summary.</summary>
    /// <exception cref="IOException">The port cannot be opened.</exception>
    public static RunSummary Run(RunnerOptions options, DeviceSettings settings, SessionSettings sessionSettings, RunPlan plan, ConsoleLog log, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        string port = options.Port ?? throw new ArgumentException("no serial port given", nameof(options));
        int baud = options.BaudRate ?? settings.BaudRate;
        using SerialLink serial = Open(port, baud);
        using TranscriptLink? transcript = Tracing.Open(options, serial, "real modem on " + port + " at " + baud + " baud", log);
        var line = new CountingLink((IByteLink?)transcript ?? serial);
        var drivers = new ModemDrivers(settings, settings.Modem);
        if (options.ModemAlpn || settings.Transport == TransportChoice.MqttTls)
        {
            // Probed at bring-up: a firmware that refuses the keyword is found to lack ALPN and WebSocket is used.
            drivers.Sim7080.AlpnKeyword = "alpn";
        }

        log.Runner($"real modem on {port} at {baud} baud (it must be powered on: a PC cannot press PWRKEY)");
        log.Runner($"login kept in {StoreDirectory}; servers verified against Amazon Root CA 1");
        log.Runner("goal: " + plan.Describe(settings.PublishIntervalSeconds));
        var device = new Device(
            settings, drivers.FactoryFor(new ManualPowerKey(log)), sessionSettings, line, new FileBlobStore(StoreDirectory),
            Utf8.GetBytes(AmazonRootCa1.Pem), new SystemClock(), log, new NoSensors());
        RunOutcome outcome;
        try
        {
            outcome = new StepLoop(device, plan, traffic: null).Run(() => null, acknowledged: null, stop);
        }
        finally
        {
            Tracing.Close(transcript, device);
            device.Dispose();
        }

        return new RunSummary
        {
            World = $"real modem on {port}, 1NCE and AWS IoT Core",
            Outcome = outcome,
            Device = device,
            SerialLine = line,
        };
    }

    private static SerialLink Open(string port, int baud)
    {
        try
        {
            return new SerialLink(port, baud);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // System.IO.Ports on Linux reports a missing device as access denied: name both causes.
            throw new IOException($"cannot open the serial port {port} ({e.Message}); check that it exists and that this user may open it (on Linux, the dialout group)", e);
        }
    }
}
