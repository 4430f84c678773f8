using System.Net;

namespace CellularIot.ModemSim;

/// <summary>
/// What the simulated module and its network look like, and how fast things happen. The defaults are close to a
/// real SIM7080G on 1NCE; tests shorten the delays. A record, so one SIM's options can be derived from another's
/// with <c>with { ... }</c>.
/// </summary>
public sealed record ModemSimOptions
{
    /// <summary>The module the simulator plays (SIM7080G unless told otherwise): its whole AT dialect.</summary>
    public ModemModel Model { get; init; } = ModemModel.Sim7080;

    /// <summary>The firmware variant (ALPN support, CASEND/CARECV forms); ALPN applies to every model.</summary>
    public ModemProfile Profile { get; init; } = ModemProfile.Standard;

    /// <summary>What <c>AT+CCID</c> answers: 19 or 20 digits.</summary>
    public string Iccid { get; init; } = "89882280666012345678";

    /// <summary>What <c>AT+CGSN</c> answers: 15 digits.</summary>
    public string Imei { get; init; } = "860016040012345";

    /// <summary>The firmware revision <c>AT+CGMR</c> reports (after "Revision:" on a SIM7080G); null means the model's usual one.</summary>
    public string? Revision { get; init; }

    /// <summary>The registration states the network goes through after the radio comes on (boot or AT+CFUN=1).</summary>
    public IReadOnlyList<RegistrationStep> RegistrationScript { get; init; } = [new(2, 2000), new(5, 0)];

    /// <summary>
    /// The network's time when the simulator is created (it then runs on in real time), with the zone the network
    /// reports; null means the host's UTC clock. The module's clock takes it on registration once AT+CLTS=1 was sent;
    /// until then it runs from 1980-01-06, as a real module's does, and TLS validation uses that clock.
    /// </summary>
    public DateTimeOffset? NetworkTime { get; init; }

    /// <summary>The address <c>AT+CNACT?</c> reports for the active PDP context.</summary>
    public string PdpAddress { get; init; } = "10.1.2.3";

    /// <summary>The rssi <c>AT+CSQ</c> reports (0..31) while the radio is on.</summary>
    public int SignalRssi { get; init; } = 20;

    /// <summary>
    /// Where CAOPEN connects: a key is "host" or "host:port" (tried first), case-insensitive; the value is the address
    /// to connect to, and its port replaces the requested one unless it is 0.
    /// </summary>
    public IReadOnlyDictionary<string, IPEndPoint> HostMap { get; init; } = new Dictionary<string, IPEndPoint>();

    /// <summary>Whether a host missing from <see cref="HostMap"/> is resolved with the host's DNS (otherwise CAOPEN reports 20).</summary>
    public bool ResolveUnmappedHosts { get; init; }

    /// <summary>The local address every socket of this SIM binds (for example 127.0.0.2), so a server can tell SIMs apart; null binds none.</summary>
    public IPAddress? SourceAddress { get; init; }

    /// <summary>Whether the module starts powered up (and boots at once) instead of waiting for the power key.</summary>
    public bool StartPoweredOn { get; init; }

    /// <summary>Time from power-up (key, reset or reboot) to <c>RDY</c>.</summary>
    public int BootDelayMs { get; init; } = 1500;

    /// <summary>Time between the boot URCs (<c>RDY</c>, <c>+CFUN: 1</c>, <c>+CPIN: READY</c>, <c>SMS Ready</c>).</summary>
    public int BootUrcIntervalMs { get; init; } = 200;

    /// <summary>
    /// The shortest power-key pulse that toggles power (shorter pulses do nothing); null means the model's own: 1 s for
    /// the SIM7080G, 0.5 s for the BG95/BG96 (their hardware design guides).
    /// </summary>
    public int? PowerKeyMinPulseMs { get; init; }

    /// <summary>Time from <c>AT+CNACT=0,1</c>'s OK to <c>+APP PDP: 0,ACTIVE</c>.</summary>
    public int PdpActivationDelayMs { get; init; } = 300;

    /// <summary>How long CAOPEN may take (TCP connect and TLS handshake) before it reports 27.</summary>
    public int ConnectTimeoutMs { get; init; } = 15000;

    /// <summary>How long CASEND waits for its raw bytes when the command names no timeout.</summary>
    public int DefaultSendInputTimeoutMs { get; init; } = 5000;

    /// <summary>The longest command line accepted (without its CR); a longer one is answered ERROR.</summary>
    public int MaxLineLength { get; init; } = 556;

    /// <summary>How many received bytes a socket buffers before it stops reading from TCP until CARECV drains it.</summary>
    public int MaxReceiveBufferBytes { get; init; } = 65536;

    /// <summary>How many bytes a socket may have queued for sending; a CASEND beyond it is refused.</summary>
    public int MaxSendBufferBytes { get; init; } = 16384;

    /// <summary>How many entries the AT traffic log keeps (the oldest are dropped).</summary>
    public int MaxTrafficLogEntries { get; init; } = 10000;

    /// <summary>
    /// These options with a field module's timing, multiplied by <paramref name="scale"/> (1 = real time): RDY 2.5 s
    /// after power-up, then <c>+CFUN: 1</c>, <c>+CPIN: READY</c> and <c>SMS Ready</c> 1.5 s apart, and 4 s of searching
    /// before roaming registration.
    /// </summary>
    public ModemSimOptions WithFieldTiming(double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        return this with
        {
            BootDelayMs = Scaled(2500, scale),
            BootUrcIntervalMs = Scaled(1500, scale),
            RegistrationScript = [new(2, Scaled(4000, scale)), new(5, 0)],
        };
    }

    /// <summary>Checks every value, so a bad option fails at construction rather than mid-test.</summary>
    internal static void Validate(ModemSimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? problem = Problem(options);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    private static string? Problem(ModemSimOptions o)
    {
        if (o.Profile is null || o.HostMap is null || o.RegistrationScript is null)
        {
            return "Profile, HostMap and RegistrationScript are required.";
        }

        (bool Ok, string Message)[] rules =
        [
            (IsDigits(o.Iccid) && o.Iccid.Length is 19 or 20, "Iccid must be 19 or 20 digits."),
            (IsDigits(o.Imei) && o.Imei.Length == 15, "Imei must be 15 digits."),
            (o.RegistrationScript.Count > 0, "RegistrationScript needs at least one step."),
            (o.RegistrationScript.All(s => s is { Stat: >= 0 and <= 5, DurationMs: >= 0 }), "Registration steps need a stat 0..5 and a duration >= 0."),
            (o.SignalRssi is >= 0 and <= 31, "SignalRssi must be 0..31."),
            (IPAddress.TryParse(o.PdpAddress, out _), "PdpAddress must be an IP address."),
            (o.BootDelayMs >= 0 && o.BootUrcIntervalMs >= 0 && o.PowerKeyMinPulseMs is null or >= 0 && o.PdpActivationDelayMs >= 0, "Delays must be >= 0."),
            (o.ConnectTimeoutMs > 0 && o.DefaultSendInputTimeoutMs > 0, "Timeouts must be > 0."),
            (o.MaxLineLength is >= 16 and <= 65536, "MaxLineLength must be 16..65536."),
            (o.MaxReceiveBufferBytes >= 1460 && o.MaxSendBufferBytes >= 1460, "Socket buffers must hold at least 1460 bytes."),
            (o.MaxTrafficLogEntries >= 0, "MaxTrafficLogEntries must be >= 0."),
            (o.NetworkTime is not { } time || time.Offset.Ticks % TimeSpan.FromMinutes(15).Ticks == 0, "NetworkTime's offset must be whole quarter hours."),
            (o.Profile.SendPrompt is { Length: > 0 }, "Profile.SendPrompt must not be empty."),
        ];
        return rules.FirstOrDefault(r => !r.Ok).Message;
    }

    private static int Scaled(int ms, double scale) => Math.Max(1, (int)Math.Round(ms * scale));

    private static bool IsDigits(string? text) => !string.IsNullOrEmpty(text) && text.All(char.IsAsciiDigit);
}
