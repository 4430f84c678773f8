using CellularIot.At;
using CellularIot.Modem;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim;

/// <summary>
/// A cellular module on a byte link, speaking its AT dialect byte for byte: a SIMCom SIM7080G (the default) or a
/// Quectel BG95/BG96 (<see cref="ModemSimOptions.Model"/>). Boot URCs after the power key, echo until ATE0, CMEE
/// modes, identity, scripted registration with URCs, network time, the file system, TLS settings and twelve real
/// TCP/TLS sockets, plus the same fault injection for every model. Give it the module's end of a link (an
/// <see cref="InMemoryLinkPair.ModemEnd"/> or <see cref="PtyPair.Master"/>); it owns that end and disposes it.
/// Everything the module does runs on one internal thread, in order.
/// </summary>
public sealed class ModemSimulator : IDisposable
{
    private readonly ModemCore modem;
    private int disposed;

    /// <summary>Starts the simulator on <paramref name="modemEnd"/>; it is off until the power key (unless <see cref="ModemSimOptions.StartPoweredOn"/>).</summary>
    public ModemSimulator(IByteLink modemEnd, ModemSimOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modemEnd);
        Options = options ?? new ModemSimOptions();
        ModemSimOptions.Validate(Options);
        modem = new ModemCore(modemEnd, Options);
        PowerKey = new SimPowerKey(modem);
        Faults = new ModemFaults(modem);
    }

    /// <summary>The options the simulator runs with.</summary>
    public ModemSimOptions Options { get; }

    /// <summary>The module being played.</summary>
    public ModemModel Model => Options.Model;

    /// <summary>The shortest PWRKEY pulse that toggles power (the options' or the model's).</summary>
    public int PowerKeyMinPulseMs => modem.PowerKeyMinPulseMs;

    /// <summary>The firmware revision the module reports (the options' or the model's usual one).</summary>
    public string Revision => modem.Revision;

    /// <summary>The PWRKEY line, for the firmware's driver (an <see cref="IPowerKey"/>).</summary>
    public SimPowerKey PowerKey { get; }

    /// <summary>Fault injection.</summary>
    public ModemFaults Faults { get; }

    /// <summary>The flash file system and certificate store (survive reboots).</summary>
    public SimFileSystem Files => modem.Files;

    /// <summary>The AT traffic both ways, with timestamps.</summary>
    public AtTrafficLog Traffic => modem.Traffic;

    /// <summary>How many AT command lines the module has executed (lines starting "AT" received while running).</summary>
    public int CommandCount => modem.CommandCount;

    /// <summary>AT command lines the firmware wrote while the module was off or hung (probes of a silent module): written, never answered.</summary>
    public int UnansweredCommandCount => modem.UnansweredCommandCount;

    /// <summary>Every AT command line the firmware wrote: those executed and those sent to a module that was off or hung.</summary>
    public int CommandsWritten => modem.CommandCount + modem.UnansweredCommandCount;

    /// <summary>Where the module is in its power cycle.</summary>
    public PowerState Power => Query(() => modem.Power);

    /// <summary>Whether echo is on (it is after every boot, until ATE0).</summary>
    public bool EchoEnabled => Query(() => modem.Session.Echo);

    /// <summary>The registration status +CEREG would report now.</summary>
    public int RegistrationStatus => Query(() => modem.Network.Stat);

    /// <summary>Whether the application PDP context (CNACT context 0) is active.</summary>
    public bool PdpActive => Query(() => modem.Network.PdpActive);

    /// <summary>The module's clock (what AT+CCLK? reports, and what TLS validation checks against).</summary>
    public DateTimeOffset ModemTime => Query(() => modem.Clock.Now);

    /// <summary>Bytes written to TCP by every socket so far (TLS records and handshakes included).</summary>
    public long TcpBytesSent => modem.Sockets.Totals.Sent;

    /// <summary>Bytes read from TCP by every socket so far.</summary>
    public long TcpBytesReceived => modem.Sockets.Totals.Received;

    /// <summary>Every socket opened with CAOPEN so far, oldest first, including closed and failed ones.</summary>
    public IReadOnlyList<SocketRecord> Sockets => modem.Sockets.History;

    /// <summary>The last exception a handler threw inside the simulator (it keeps running); null when none. A test should find it null.</summary>
    public Exception? InternalError => modem.Loop.LastError;

    /// <summary>The socket currently on <paramref name="cid"/> (connecting, open, or closed by the peer until CACLOSE); null when none.</summary>
    public SocketRecord? CurrentSocket(int cid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cid);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cid, Net.SocketTable.Count);
        return Query(() => modem.Sockets[cid]?.Record);
    }

    /// <summary>Applies power, as the power key would when off: the boot sequence follows after <see cref="ModemSimOptions.BootDelayMs"/>.</summary>
    public void PowerOn() => modem.Loop.Invoke(modem.PowerOn);

    /// <summary>Cuts power at once (no power-down line): sockets, PDP and settings are lost; files stay.</summary>
    public void PowerOff() => modem.Loop.Invoke(() => modem.PowerDown(announce: false));

    /// <summary>Stops the simulator: closes every socket, stops its threads and disposes the link end.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            modem.Dispose();
        }
    }

    private T Query<T>(Func<T> read) => modem.Loop.Invoke(read);
}
