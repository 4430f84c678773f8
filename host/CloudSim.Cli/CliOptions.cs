using System.Globalization;
using System.Net;

namespace CellularIot.CloudSim.Cli;

/// <summary>The command line, parsed into the simulated cloud's options.</summary>
internal sealed class CliOptions
{
    public const string Usage = """
        Usage: cloudsim [options]
          --iccid ICCID[=ADDRESS]      a SIM (repeatable); its modem's source address, default 127.0.0.2, .3, ...
          --inactive ICCID[=ADDRESS]   an inactive SIM (onboarding answers 404)
          --bind ADDRESS               the address both endpoints listen on (default 127.0.0.1)
          --onboarding-port PORT       the onboarding API's port (default 0: a free one)
          --iot-port PORT              the IoT Core endpoint's port (default 0: a free one)
          --iot-host NAME              the IoT Core endpoint host name
          --token-lifetime SECONDS     how long issued tokens are valid (default 86400)
          --keepalive-min SECONDS      the lowest keep-alive applied (default 30)
          --keepalive-max SECONDS      the highest keep-alive applied, and the one for 0 (default 1200)
          --csv-columns A,B,C,D        the CSV answer's column order, of username, iotCoreEndpointUrl,
                                       clientId, amazonRootCaUrl
          --fail-onboarding STATUS:N   answer the next N onboarding requests with 500 or 503
          --ca-dir DIR                 where to write ca.pem (default: a temporary folder)
          --quiet                      do not print events as they happen
        """;

    private static readonly IPAddress DefaultFirstSim = IPAddress.Parse("127.0.0.2");

    public required SimulatedCloudOptions Cloud { get; init; }

    public (int Status, int Count)? FailOnboarding { get; init; }

    public bool Quiet { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a sentence for the user.</summary>
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var sims = new List<(string Iccid, IPAddress? Address, bool Active)>();
        IPAddress bind = IPAddress.Loopback;
        int onboardingPort = 0;
        int iotPort = 0;
        var defaults = new SimulatedCloudOptions();
        string iotHost = defaults.IotHost;
        TimeSpan tokenLifetime = defaults.TokenLifetime;
        TimeSpan keepAliveMin = defaults.KeepAliveMinimum;
        TimeSpan keepAliveMax = defaults.KeepAliveMaximum;
        IReadOnlyList<OnboardingField> columns = defaults.CsvColumns;
        (int, int)? fail = null;
        string? caDir = null;
        bool quiet = false;

        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name == "--quiet")
            {
                quiet = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"'{name}' needs a value, or is not an option.");
            }

            string value = args[++i];
            switch (name)
            {
                case "--iccid":
                case "--inactive":
                    string[] parts = value.Split('=', 2);
                    sims.Add((parts[0], parts.Length == 2 ? Address(parts[1]) : null, name == "--iccid"));
                    break;
                case "--bind":
                    bind = Address(value);
                    break;
                case "--onboarding-port":
                    onboardingPort = Number(name, value, 0, 65535);
                    break;
                case "--iot-port":
                    iotPort = Number(name, value, 0, 65535);
                    break;
                case "--iot-host":
                    iotHost = value;
                    break;
                case "--token-lifetime":
                    tokenLifetime = TimeSpan.FromSeconds(Number(name, value, 1, 30 * 86400));
                    break;
                case "--keepalive-min":
                    keepAliveMin = TimeSpan.FromSeconds(Number(name, value, 1, 65535));
                    break;
                case "--keepalive-max":
                    keepAliveMax = TimeSpan.FromSeconds(Number(name, value, 1, 65535));
                    break;
                case "--csv-columns":
                    columns = [.. value.Split(',').Select(Column)];
                    break;
                case "--fail-onboarding":
                    string[] failure = value.Split(':', 2);
                    fail = (Number(name, failure[0], 500, 503), failure.Length == 2 ? Number(name, failure[1], 1, 1_000_000) : 1);
                    break;
                case "--ca-dir":
                    caDir = value;
                    break;
                default:
                    throw new FormatException($"Unknown option '{name}'.");
            }
        }

        if (sims.Count == 0)
        {
            sims.Add(("8988228066600000001", null, true));
        }

        return new CliOptions
        {
            Cloud = new SimulatedCloudOptions
            {
                Sims = AssignAddresses(sims),
                OnboardingAddress = bind,
                IotAddress = bind,
                OnboardingPort = onboardingPort,
                IotPort = iotPort,
                IotHost = iotHost,
                TokenLifetime = tokenLifetime,
                KeepAliveMinimum = keepAliveMin,
                KeepAliveMaximum = keepAliveMax,
                CsvColumns = columns,
                CertificateDirectory = caDir,
            },
            FailOnboarding = fail,
            Quiet = quiet,
        };
    }

    private static List<SimCard> AssignAddresses(List<(string Iccid, IPAddress? Address, bool Active)> sims)
    {
        byte[] next = DefaultFirstSim.GetAddressBytes();
        var cards = new List<SimCard>();
        foreach ((string iccid, IPAddress? address, bool active) in sims)
        {
            IPAddress assigned = address ?? new IPAddress(next);
            if (address is null)
            {
                next[3]++;
            }

            cards.Add(new SimCard(iccid, assigned, active));
        }

        return cards;
    }

    private static IPAddress Address(string text)
        => IPAddress.TryParse(text, out IPAddress? address) ? address : throw new FormatException($"'{text}' is not an IP address.");

    private static int Number(string name, string text, int min, int max)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{name} takes a number from {min} to {max}, not '{text}'.");

    private static OnboardingField Column(string text)
    {
        foreach (OnboardingField field in Enum.GetValues<OnboardingField>())
        {
            if (string.Equals(field.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return field;
            }
        }

        throw new FormatException($"'{text}' is not one of username, iotCoreEndpointUrl, clientId, amazonRootCaUrl.");
    }
}
