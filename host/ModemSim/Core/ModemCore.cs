using System.Text;
using CellularIot.At;
using CellularIot.ModemSim.Commands;
using CellularIot.ModemSim.Net;

namespace CellularIot.ModemSim.Core;

/// <summary>
/// The simulated module: power cycle, boot sequence, command execution and the parts it is made of. Everything
/// here runs on <see cref="Loop"/>; a separate thread only reads the link and posts what arrives.
/// </summary>
internal sealed class ModemCore : IDisposable
{
    // The pump's read timeout: how long disposal can wait for a link that cannot be interrupted.
    private const int PumpReadTimeoutMs = 250;

    private readonly IByteLink link;
    private readonly CommandDispatcher dispatcher;
    private readonly Thread pump;
    private volatile bool stopping;
    private ScheduledAction? silenceTimer;
    private int commandCount;
    private int unansweredCommandCount;
    private int unansweredLinePrefix;

    public ModemCore(IByteLink link, ModemSimOptions options)
    {
        this.link = link;
        Options = options;
        Loop = new EventLoop("ModemSim");
        Traffic = new AtTrafficLog(options.MaxTrafficLogEntries, () => Loop.NowMs);
        Output = new ModemOutput(link, Traffic, () => Power != PowerState.On || Silent);
        Input = new InputAssembler(options.MaxLineLength, Loop, Traffic, OnLine);
        Clock = new ModemClock(Loop, options.NetworkTime);
        Network = new Network(this);
        Sockets = new SocketTable(this);
        Dialect = Dialect.For(options.Model);
        dispatcher = new CommandDispatcher(Dialect.Families(this));
        pump = new Thread(Pump) { IsBackground = true, Name = "ModemSim link reader" };
        pump.Start();
        if (options.StartPoweredOn)
        {
            Loop.Post(PowerOn);
        }
    }

    public ModemSimOptions Options { get; }

    /// <summary>The module family's commands, URCs and result codes.</summary>
    public Dialect Dialect { get; }

    /// <summary>The shortest PWRKEY pulse that toggles power.</summary>
    public int PowerKeyMinPulseMs => Options.PowerKeyMinPulseMs ?? Dialect.MinPowerKeyPulseMs;

    /// <summary>The firmware revision AT+CGMR reports.</summary>
    public string Revision => Options.Revision ?? Dialect.DefaultRevision;

    public EventLoop Loop { get; }

    public AtTrafficLog Traffic { get; }

    public ModemOutput Output { get; }

    public InputAssembler Input { get; }

    public ModemClock Clock { get; }

    public Network Network { get; }

    public SocketTable Sockets { get; }

    public SimFileSystem Files { get; } = new();

    public FaultState Faults { get; } = new();

    public SessionState Session { get; private set; } = new();

    public PowerState Power { get; private set; }

    /// <summary>Whether the module is hung (injected silence): it neither answers nor reports.</summary>
    public bool Silent { get; private set; }

    /// <summary>Counts power cycles; anything scheduled in an earlier one is dropped.</summary>
    public int Epoch { get; private set; }

    public int CommandCount => Volatile.Read(ref commandCount);

    /// <summary>AT command lines that arrived while the module was off or hung, and so went unanswered.</summary>
    public int UnansweredCommandCount => Volatile.Read(ref unansweredCommandCount);

    /// <summary>Sends an unsolicited result line.</summary>
    public void Urc(string line) => Output.Line(line);

    /// <summary>Runs <paramref name="action"/> after <paramref name="delayMs"/> unless the module lost power meanwhile.</summary>
    public ScheduledAction Later(int delayMs, Action action)
    {
        int epoch = Epoch;
        return Loop.Schedule(delayMs, () =>
        {
            if (epoch == Epoch)
            {
                action();
            }
        });
    }

    /// <summary>The power key: powers up when off, powers down (announced) otherwise.</summary>
    public void TogglePower()
    {
        if (Power == PowerState.Off)
        {
            PowerOn();
        }
        else
        {
            PowerDown(announce: true);
        }
    }

    public void PowerOn()
    {
        if (Power != PowerState.Off)
        {
            return;
        }

        Power = PowerState.Booting;
        Epoch++;
        Later(Options.BootDelayMs, Boot);
    }

    /// <summary>Powers down: the dialect's power-down line ("NORMAL POWER DOWN", "POWERED DOWN") when <paramref name="announce"/> and running, then silence.</summary>
    public void PowerDown(bool announce)
    {
        if (Power == PowerState.Off)
        {
            return;
        }

        if (announce)
        {
            Output.Line(Dialect.PowerDownLine);
        }

        LosePower();
    }

    /// <summary>Restarts: everything volatile is lost, then the boot sequence runs again.</summary>
    public void Reboot()
    {
        LosePower();
        PowerOn();
    }

    /// <summary>Hangs the module (or ends the hang); a hang with a duration ends by itself.</summary>
    public void SetSilent(bool silent, int? durationMs)
    {
        silenceTimer?.Cancel();
        silenceTimer = null;
        Silent = silent;
        Input.Reset();
        if (silent && durationMs is int ms)
        {
            silenceTimer = Loop.Schedule(ms, () => SetSilent(false, null));
        }
    }

    public void Dispose()
    {
        stopping = true;

        // The link goes first: that wakes the reader thread and any write blocked on a reader that stopped reading.
        (link as IDisposable)?.Dispose();
        try
        {
            Loop.Invoke(() =>
            {
                LosePower();
                Sockets.DropAll();
            });
        }
        catch (ObjectDisposedException)
        {
            // Already stopped.
        }

        Loop.Dispose();
        pump.Join();
        Files.Dispose();
    }

    private void Boot()
    {
        ModemProfile profile = Options.Profile;
        Session = new SessionState { Clts = Dialect.ClockFollowsNetwork, SimReady = !profile.SimBusyUntilReady };
        Clock.ResetToPowerOn();
        Input.Reset();
        Power = PowerState.On;
        if (profile.BootNoise)
        {
            // What a UART shows while the module's own settles: stray bytes and a cut-off line, then the boot.
            Output.Raw([0x00, 0xFF, 0xFE, 0x00, 0xF8, 0x80, 0x00]);
            Output.Text("\r\n+CF");
            Output.Raw([0xFF, 0x00]);
        }

        Output.Line("RDY");
        int gap = Options.BootUrcIntervalMs;
        Later(gap, () =>
        {
            Output.Line("+CFUN: 1");
            if (profile.SimBusyUntilReady && !Network.SimMissing)
            {
                Output.Line("+CPIN: NOT READY");
            }

            Network.RadioOn();
        });
        IReadOnlyList<string> tail = Dialect.BootTail(Network.SimMissing);
        for (int i = 0; i < tail.Count; i++)
        {
            string boot = tail[i];
            Later((2 + i) * gap, () =>
            {
                // The SIM state line ends a busy SIM's first seconds (the field profile's "SIM busy").
                if (boot.StartsWith("+CPIN: ", StringComparison.Ordinal))
                {
                    Session.SimReady = true;
                }

                Output.Line(boot);
            });
        }
    }

    private void LosePower()
    {
        Epoch++;
        Power = PowerState.Off;
        Input.Reset();
        Network.PowerLost();
        Sockets.DropAll();

        // A hung module comes back with a power cycle, which is why the recovery ladder ends with one.
        SetSilent(false, null);
    }

    private void Pump()
    {
        var buffer = new byte[4096];
        while (!stopping)
        {
            int read;
            try
            {
                read = link.Read(buffer, 0, buffer.Length, PumpReadTimeoutMs);
            }
            catch (Exception e) when (e is ObjectDisposedException or IOException)
            {
                return;
            }

            if (read > 0)
            {
                byte[] chunk = buffer[..read];
                Loop.Post(() => OnInput(chunk));
            }
        }
    }

    private void OnInput(byte[] chunk)
    {
        if (Power != PowerState.On || Silent)
        {
            Traffic.Add(TrafficDirection.ToModem, chunk);
            CountUnansweredCommands(chunk);
            return;
        }

        unansweredLinePrefix = 0;

        Input.Feed(chunk);
    }

    private void OnLine(byte[] line, bool overflow)
    {
        if (overflow)
        {
            Output.Line("ERROR");
            return;
        }

        if (line.Length == 0 || Faults.TakeIgnoredCommand())
        {
            return;
        }

        if (Session.Echo)
        {
            Output.Raw([.. line, (byte)'\r']);
        }

        IReadOnlyList<CommandLine>? commands = CommandLine.ParseAll(Encoding.Latin1.GetString(line));
        if (commands is null)
        {
            return;
        }

        Interlocked.Increment(ref commandCount);
        Run(commands, 0);
    }

    // Runs the command at index of a line's commands; the next one runs when it answered OK, and the line's answer is
    // the last command's, or the first error.
    private void Run(IReadOnlyList<CommandLine> commands, int index)
    {
        CommandLine command = commands[index];
        if (Faults.TakeReboot(command.Body))
        {
            Reboot();
            return;
        }

        var reply = new CommandReply(this, index + 1 < commands.Count ? () => Run(commands, index + 1) : null);
        if (Faults.TakeFailure(command.Body) is int code)
        {
            reply.Cme(code);
            return;
        }

        dispatcher.Execute(command, reply);
    }

    // A line that starts with "AT" and ends with CR is a command line the firmware wrote, answered or not. Lines may
    // arrive split across chunks, so how much of "AT" the current line began with is carried over: 0 at a line's
    // start, 1 after its "A", 2 once it began with "AT", -1 when it is no command.
    private void CountUnansweredCommands(byte[] chunk)
    {
        foreach (byte b in chunk)
        {
            if (b == (byte)'\r')
            {
                if (unansweredLinePrefix == 2)
                {
                    Interlocked.Increment(ref unansweredCommandCount);
                }

                unansweredLinePrefix = 0;
                continue;
            }

            unansweredLinePrefix = unansweredLinePrefix switch
            {
                0 => (b | 0x20) == 'a' ? 1 : -1,
                1 => (b | 0x20) == 't' ? 2 : -1,
                _ => unansweredLinePrefix,
            };
        }
    }
}
