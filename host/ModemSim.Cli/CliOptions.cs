using System.Globalization;
using System.Net;

namespace CellularIot.ModemSim.Cli;

/// <summary>The command line: simulator options plus what the program itself does.</summary>
internal sealed class CliOptions
{
    public const string Usage = """
        modemsim: a simulated modem on a pty. Prints the slave path (open it as a serial port), then the AT traffic.
          --model <m>               sim7080 (default), bg95 or bg96: the module and its AT dialect
          --alpn                    firmware variant that accepts AT+CSSLCFG="alpn" (AT+QSSLCFG="alpn") and sends ALPN
          --casend-urc              CASEND answers OK, then +CASEND: <cid>,0,<len>
          --carecv-cid              CARECV answers +CARECV: <cid>,<len>,...
          --powered-on              boot at once (otherwise type "power" to pulse the power key)
          --source <ip>             bind every socket to this source address (e.g. 127.0.0.2)
          --map <host>=<ip>:<port>  connect <host> to a local server (repeatable; port 0 keeps the requested one)
          --resolve                 resolve hosts missing from the map with DNS
          --network-time <iso8601>  the network's time (default: the host's clock)
          --iccid <digits>          the SIM's ICCID
          --boot-ms <ms>            power-up to RDY delay
          --quiet                   do not print the traffic
        Typed commands: power, reboot, silence [ms], wake, quit.
        """;

    public ModemSimOptions Simulator { get; private set; } = new();

    public bool Quiet { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static CliOptions Parse(string[] args)
    {
        var result = new CliOptions();
        ModemProfile profile = ModemProfile.Standard;
        ModemModel model = ModemModel.Sim7080;
        var map = new Dictionary<string, IPEndPoint>(StringComparer.OrdinalIgnoreCase);
        ModemSimOptions defaults = new();
        bool poweredOn = false;
        bool resolve = false;
        IPAddress? source = null;
        DateTimeOffset? networkTime = null;
        string iccid = defaults.Iccid;
        int bootMs = defaults.BootDelayMs;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--alpn":
                    profile = profile with { SupportsAlpn = true };
                    break;
                case "--casend-urc":
                    profile = profile with { SendResultUrc = true };
                    break;
                case "--carecv-cid":
                    profile = profile with { ReceiveReportsCid = true };
                    break;
                case "--powered-on":
                    poweredOn = true;
                    break;
                case "--resolve":
                    resolve = true;
                    break;
                case "--quiet":
                    result.Quiet = true;
                    break;
                case "--model":
                    model = Value() switch
                    {
                        "sim7080" => ModemModel.Sim7080,
                        "bg95" => ModemModel.Bg95,
                        "bg96" => ModemModel.Bg96,
                        string other => throw new FormatException($"--model wants sim7080, bg95 or bg96, not '{other}'."),
                    };
                    break;
                case "--source":
                    source = IPAddress.Parse(Value());
                    break;
                case "--map":
                    string entry = Value();
                    int equals = entry.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0 || !IPEndPoint.TryParse(entry[(equals + 1)..], out IPEndPoint? target))
                    {
                        throw new FormatException($"--map wants <host>=<ip>:<port>, not '{entry}'.");
                    }

                    map[entry[..equals]] = target;
                    break;
                case "--network-time":
                    networkTime = DateTimeOffset.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--iccid":
                    iccid = Value();
                    break;
                case "--boot-ms":
                    bootMs = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new FormatException($"Unknown option '{args[i]}'.");
            }
        }

        result.Simulator = new ModemSimOptions
        {
            Model = model,
            Profile = profile,
            HostMap = map,
            ResolveUnmappedHosts = resolve,
            SourceAddress = source,
            StartPoweredOn = poweredOn,
            NetworkTime = networkTime,
            Iccid = iccid,
            BootDelayMs = bootMs,
        };
        return result;
    }
}
