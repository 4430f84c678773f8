using System.Runtime.InteropServices;
using CellularIot.App.Config;
using CellularIot.Cloud.Session;

namespace CellularIot.Runner;

/// <summary>The runner's entry point: <c>dotnet run --project host/Runner</c>.</summary>
public static class Program
{
    private const int ExitReached = 0;
    private const int ExitNotReached = 1;
    private const int ExitUsage = 2;
    private const int ExitInterrupted = 130;

    /// <summary>Runs the firmware (see <see cref="RunnerOptions.Usage"/>); returns the exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        RunnerOptions options;
        DeviceSettings settings;
        try
        {
            options = RunnerOptions.Parse(args);
            if (options.Help)
            {
                Console.WriteLine(RunnerOptions.Usage);
                return ExitReached;
            }

            settings = DeviceSetup.Settings(options);
        }
        catch (Exception e) when (e is FormatException or SettingsException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + "Try --help.").ConfigureAwait(false);
            return ExitUsage;
        }

        if (options.Pty && !OperatingSystem.IsLinux())
        {
            await Console.Error.WriteLineAsync("--pty needs Linux (it opens a pseudo-terminal).").ConfigureAwait(false);
            return ExitUsage;
        }

        SessionSettings session = DeviceSetup.Session(options, settings);
        RunPlan plan = DeviceSetup.Plan(options, settings);
        var log = new ConsoleLog(Console.Out, options.Quiet);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C ends the run at its next step, with the summary; a second one ends the process.
            e.Cancel = !stop.IsCancellationRequested;
            log.RunnerWarning("stopping: the run ends after the current step (Ctrl+C again to quit at once)");
            stop.Cancel();
        };
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        RunSummary summary;
        try
        {
            summary = options.Simulated
                ? await SimulatedRun.RunAsync(options, settings, session, plan, log, stop.Token).ConfigureAwait(false)
                : SerialRun.Run(options, settings, session, plan, log, stop.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException or PlatformNotSupportedException)
        {
            await Console.Error.WriteLineAsync("Cannot run: " + e.Message).ConfigureAwait(false);
            return ExitNotReached;
        }

        log.Plain(summary.Format());
        if (summary.Succeeded)
        {
            return ExitReached;
        }

        await Console.Error.WriteLineAsync("The goal was not reached: " + summary.Outcome.Detail).ConfigureAwait(false);
        return summary.Outcome.End == RunEnd.Stopped ? ExitInterrupted : ExitNotReached;
    }
}
