using System.Globalization;
using System.Runtime.InteropServices;
using CellularIot.ModemSim;
using CellularIot.ModemSim.Cli;

if (!OperatingSystem.IsLinux())
{
    await Console.Error.WriteLineAsync("modemsim needs Linux (it serves a pty).").ConfigureAwait(false);
    return 2;
}

CliOptions options;
try
{
    options = CliOptions.Parse(args);
}
catch (Exception e) when (e is FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + CliOptions.Usage).ConfigureAwait(false);
    return 2;
}

using var pty = PtyPair.Open();
using var simulator = new ModemSimulator(pty.Master, options.Simulator);
using var exit = new ManualResetEventSlim();
if (!options.Quiet)
{
    simulator.Traffic.EntryAdded += (_, e) => Console.WriteLine(e.Entry.ToString());
}

Console.WriteLine(pty.SlavePath);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    exit.Set();
};
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    exit.Set();
});

var console = new Thread(() =>
{
    // Typed commands; at the end of input (run in the background) the simulator keeps serving until a signal.
    while (Console.ReadLine() is { } line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words.FirstOrDefault())
        {
            case "power":
                simulator.PowerKey.Pulse(simulator.PowerKeyMinPulseMs);
                break;
            case "reboot":
                simulator.Faults.Reboot();
                break;
            case "silence":
                simulator.Faults.Silence(words.Length > 1 ? int.Parse(words[1], NumberStyles.None, CultureInfo.InvariantCulture) : null);
                break;
            case "wake":
                simulator.Faults.EndSilence();
                break;
            case "quit":
                exit.Set();
                return;
            case null:
                break;
            default:
                Console.Error.WriteLine("Commands: power, reboot, silence [ms], wake, quit.");
                break;
        }
    }
})
{ IsBackground = true };
console.Start();
exit.Wait();
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{simulator.CommandCount} commands, TCP {simulator.TcpBytesSent} bytes sent, {simulator.TcpBytesReceived} received."));
return 0;
