using System.Diagnostics;
using System.Runtime.Versioning;
using CellularIot.At;
using CellularIot.Host;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Modem.Tests.Support;

/// <summary>
/// The firmware's AT channel and SIM7080G driver wired to the modem simulator: in memory, or over a real pty with the
/// PC's System.IO.Ports link on its slave (the PC runner's path). The simulator's power key is the driver's PWRKEY.
/// </summary>
internal sealed class ModemRig : IDisposable
{
    private readonly InMemoryLinkPair? pair;
    private readonly IDisposable? pty;
    private readonly SerialLink? serial;

    static ModemRig()
    {
        // The tests block on the driver while the simulator's sockets and the TLS server run on the thread pool.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }

    /// <summary>A rig on an in-memory link.</summary>
    public ModemRig(ModemSimOptions? options = null, Sim7080Settings? settings = null)
    {
        Options = options ?? Fast.Simulator();
        Settings = settings ?? Fast.Driver();
        pair = new InMemoryLinkPair();
        Simulator = new ModemSimulator(pair.ModemEnd, Options);
        (Channel, Modem) = Wire(pair.FirmwareEnd);
    }

    [SupportedOSPlatform("linux")]
    private ModemRig(PtyPair pty, ModemSimOptions options, Sim7080Settings settings)
    {
        Options = options;
        Settings = settings;
        this.pty = pty;
        Simulator = new ModemSimulator(pty.Master, Options);
        serial = new SerialLink(pty.SlavePath);
        (Channel, Modem) = Wire(serial);
    }

    public ModemSimOptions Options { get; }

    public Sim7080Settings Settings { get; }

    public ModemSimulator Simulator { get; }

    public AtChannel Channel { get; }

    public Sim7080Modem Modem { get; }

    public TestLog Log { get; } = new();

    /// <summary>When the rig was made: the simulator's network clock started then.</summary>
    public Stopwatch Age { get; } = Stopwatch.StartNew();

    /// <summary>The pty's slave path, or null in memory.</summary>
    public string? SerialPortName => serial?.PortName;

    /// <summary>A rig over a pty pair and the serial link.</summary>
    [SupportedOSPlatform("linux")]
    public static ModemRig OverPty(ModemSimOptions? options = null, Sim7080Settings? settings = null) =>
        new(PtyPair.Open(), options ?? Fast.Simulator(), settings ?? Fast.Driver());

    /// <summary>Power on, registration and the data context: what every socket test starts from.</summary>
    public void BringUp()
    {
        Modem.PowerOn();
        Modem.WaitForRegistration();
        Modem.ActivateData(Fast.Apn);
    }

    /// <summary>The AT traffic so far, one entry a line.</summary>
    public string Traffic => string.Join('\n', Simulator.Traffic.Entries);

    /// <summary>Whether the firmware sent a command line starting with <paramref name="command"/>.</summary>
    public bool Sent(string command) => CountSent(command) > 0;

    /// <summary>How many command lines starting with <paramref name="command"/> the firmware sent.</summary>
    public int CountSent(string command) =>
        Simulator.Traffic.Entries.Count(e => e.Direction == TrafficDirection.ToModem && e.Text.StartsWith(command, StringComparison.Ordinal));

    /// <summary>The simulator never failed inside (a handler that threw would hide a broken exchange).</summary>
    public void AssertSimulatorHealthy() => Assert.Null(Simulator.InternalError);

    public void Dispose()
    {
        Modem.Dispose();
        Channel.Stop();
        Simulator.Dispose();
        serial?.Dispose();
        pty?.Dispose();
        pair?.Dispose();

        // Shown for a failed test: what the driver said, and the tail of the AT traffic.
        ITestOutputHelper? output = TestContext.Current.TestOutputHelper;
        if (output is not null)
        {
            output.WriteLine(Log.Tail(int.MaxValue));

            foreach (AtTrafficEntry entry in Simulator.Traffic.Entries.TakeLast(200))
            {
                output.WriteLine(entry.ToString());
            }
        }
    }

    private (AtChannel Channel, Sim7080Modem Modem) Wire(IByteLink link)
    {
        var clock = new SystemClock();
        var channel = new AtChannel(link, clock, Log, Fast.Channel());
        return (channel, new Sim7080Modem(channel, Simulator.PowerKey, clock, Log, Settings));
    }
}
