using System.Globalization;
using CellularIot.App.Config;
using CellularIot.Cloud.Session;

namespace CellularIot.Runner;

/// <summary>The runner's command line.</summary>
public sealed class RunnerOptions
{
    /// <summary>Acknowledged messages the demo stops after.</summary>
    public const int DefaultMessages = 5;

    /// <summary>The demo's telemetry interval in seconds.</summary>
    public const int DefaultIntervalSeconds = 2;

    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: dotnet run --project host/Runner -- [options]

        Runs the firmware's host build. By default against a simulated world: a simulated modem with a 1NCE SIM
        and a simulated 1NCE onboarding API and AWS IoT Core on loopback; with --port against a real modem, a real
        1NCE SIM and the real 1NCE and AWS endpoints.

        Options:
          --messages <n>        stop after n acknowledged telemetry messages (default 5, or no limit with --duration)
          --duration <s>        give up (or, without --messages, stop) after s seconds
          --interval <s>        telemetry interval in seconds (default 2; with --config, the file's)
          --transport <t>       auto | mqtt-tls | mqtt-websocket | https-post (default auto, or the file's)
          --modem <m>           sim7080 | bg95 | bg96 | auto: the simulated module and the driver (default sim7080, or
                                the file's modem); auto simulates a BG95 and lets the firmware identify it (AT+CGMM)
          --modem-alpn          the modem's firmware sends ALPN (AT+CSSLCFG="alpn", AT+QSSLCFG="alpn"): auto then picks
                                MQTT over TLS
          --modem-profile <p>   standard | field: the simulated modem behaves like the standard firmware (default)
                                or like field modules (slow boot, noise, busy SIM, DST lines, short reads, ...)
          --keep-alive <s>      MQTT keep-alive in seconds, 30..1200 (default 600)
          --config <file>       read device settings from a device.conf (see config/*.conf)
          --no-ping             do not send the demo's ping command from the cloud after the second ack
          --pty                 reach the simulated modem through a real pty and System.IO.Ports (Linux)
          --board-model         reach the simulated modem through the board's own serial code over a model of
                                nanoFramework's ESP32 SerialPort (reads wait for the whole count, a bounded buffer)
          --trace-at [file]     with a file: write a byte-exact, timestamped transcript of the serial line to it
                                (simulated or --port modem; the format is in docs/transcripts.md); without one:
                                print every AT exchange of the simulated modem
          --warm                run the firmware twice against the same simulated modem and stored state: a cold
                                start (modem off, no login, no CA), then a warm restart (modem on, login and CA kept)
          --port <device>       use a real modem on this serial port (e.g. /dev/ttyUSB0, COM3) instead
          --baud <n>            serial speed for --port or --pty (default 115200, or the file's baudRate)
          --quiet               print only warnings and the summary
          -h, --help            show this help

        With --port the modem must already be powered on (a PC cannot press its PWRKEY), the SIM must be active in
        the 1NCE portal, and the login is kept under the user's local application data folder. Every message costs
        data on the SIM.

        Exit code: 0 when the goal was reached (the messages acknowledged and, when sent, the ping answered), 1 when
        not, 2 for a bad command line, 130 when stopped with Ctrl+C before the goal.
        """;

    /// <summary>The modem named with --modem, or null for the file's (or the default SIM7080G).</summary>
    public ModemChoice? Modem { get; private set; }

    /// <summary>The real modem's serial port, or null for the simulated world.</summary>
    public string? Port { get; private set; }

    /// <summary>The serial speed, or null for the default.</summary>
    public int? BaudRate { get; private set; }

    /// <summary>Acknowledged messages to stop after, or null.</summary>
    public int? Messages { get; private set; }

    /// <summary>Seconds to run at most, or null.</summary>
    public int? DurationSeconds { get; private set; }

    /// <summary>The telemetry interval, or null for the default.</summary>
    public int? IntervalSeconds { get; private set; }

    /// <summary>The transport, or null for the default.</summary>
    public TransportChoice? Transport { get; private set; }

    /// <summary>Whether the modem sends ALPN.</summary>
    public bool ModemAlpn { get; private set; }

    /// <summary>The MQTT keep-alive, or null for the default.</summary>
    public int? KeepAliveSeconds { get; private set; }

    /// <summary>The device.conf to read, or null.</summary>
    public string? ConfigFile { get; private set; }

    /// <summary>Whether the demo's ping is left out.</summary>
    public bool NoPing { get; private set; }

    /// <summary>Whether the simulated modem is reached through a pty.</summary>
    public bool Pty { get; private set; }

    /// <summary>Whether the firmware reaches the simulated modem through the Board layer's serial link over the ESP32 model.</summary>
    public bool BoardModel { get; private set; }

    /// <summary>Whether the simulated modem's AT traffic is printed.</summary>
    public bool TraceAt { get; private set; }

    /// <summary>The file the serial line's transcript is written to, or null.</summary>
    public string? TraceFile { get; private set; }

    /// <summary>Whether the simulated modem behaves like a field module.</summary>
    public bool FieldModem { get; private set; }

    /// <summary>Whether the firmware runs a second time, as a warm restart, after the first run reached its goal.</summary>
    public bool Warm { get; private set; }

    /// <summary>Whether only warnings and the summary are printed.</summary>
    public bool Quiet { get; private set; }

    /// <summary>Whether the help was asked for.</summary>
    public bool Help { get; private set; }

    /// <summary>Whether the run uses the simulated world.</summary>
    public bool Simulated => Port is null;

    /// <summary>Reads the command line.</summary>
    /// <exception cref="FormatException">An unknown option, a missing or bad value, or options that exclude each other.</exception>
    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new RunnerOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            switch (name)
            {
                case "-h":
                case "--help":
                    options.Help = true;
                    break;
                case "--port":
                    options.Port = Value(args, ref i);
                    break;
                case "--baud":
                    options.BaudRate = Number(args, ref i, 1200, 4_000_000);
                    break;
                case "--messages":
                    options.Messages = Number(args, ref i, 1, 1_000_000);
                    break;
                case "--duration":
                    options.DurationSeconds = Number(args, ref i, 1, 31 * 86400);
                    break;
                case "--interval":
                    options.IntervalSeconds = Number(args, ref i, 1, 86400);
                    break;
                case "--transport":
                    options.Transport = TransportOf(Value(args, ref i));
                    break;
                case "--modem":
                    options.Modem = ModemOf(Value(args, ref i));
                    break;
                case "--modem-alpn":
                    options.ModemAlpn = true;
                    break;
                case "--keep-alive":
                    options.KeepAliveSeconds = Number(args, ref i, 30, 1200);
                    break;
                case "--config":
                    options.ConfigFile = Value(args, ref i);
                    break;
                case "--no-ping":
                    options.NoPing = true;
                    break;
                case "--pty":
                    options.Pty = true;
                    break;
                case "--board-model":
                    options.BoardModel = true;
                    break;
                case "--trace-at":
                    // With a file: the byte-exact transcript; without: the AT exchanges printed as they happen.
                    if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        options.TraceFile = Value(args, ref i);
                    }
                    else
                    {
                        options.TraceAt = true;
                    }

                    break;
                case "--modem-profile":
                    options.FieldModem = ProfileOf(Value(args, ref i));
                    break;
                case "--warm":
                    options.Warm = true;
                    break;
                case "--quiet":
                    options.Quiet = true;
                    break;
                default:
                    throw new FormatException($"unknown option '{name}'");
            }
        }

        if (options.Port is not null && (options.Pty || options.TraceAt || options.BoardModel || options.Warm || options.FieldModem))
        {
            throw new FormatException("--pty, --board-model, --trace-at without a file, --warm and --modem-profile are for the simulated modem; --port uses a real one");
        }

        if (options.Pty && options.BoardModel)
        {
            throw new FormatException("--pty and --board-model are two different serial lines: choose one");
        }

        return options;
    }

    private static bool ProfileOf(string name) => name switch
    {
        "standard" => false,
        "field" => true,
        _ => throw new FormatException($"--modem-profile is standard or field, not '{name}'"),
    };

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new FormatException($"{args[i]} needs a value");
        }

        i++;
        return args[i];
    }

    private static int Number(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }

    private static ModemChoice ModemOf(string text) => text switch
    {
        "sim7080" => ModemChoice.Sim7080,
        "bg95" => ModemChoice.Bg95,
        "bg96" => ModemChoice.Bg96,
        "auto" => ModemChoice.Auto,
        _ => throw new FormatException($"--modem must be sim7080, bg95, bg96 or auto, not '{text}'"),
    };

    private static TransportChoice TransportOf(string text) => text switch
    {
        "auto" => TransportChoice.Auto,
        "mqtt-tls" => TransportChoice.MqttTls,
        "mqtt-websocket" => TransportChoice.MqttWebSocket,
        "https-post" => TransportChoice.HttpsPost,
        _ => throw new FormatException($"--transport must be auto, mqtt-tls, mqtt-websocket or https-post, not '{text}'"),
    };
}
