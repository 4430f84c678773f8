using System.Runtime.InteropServices;

namespace CellularIot.CloudSim.Cli;

/// <summary>Starts the simulated cloud, prints how to reach it and its events, and stops cleanly on Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(CliOptions.Usage);
            return 0;
        }

        CliOptions options;
        try
        {
            options = CliOptions.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + CliOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        SimulatedCloud cloud;
        try
        {
            cloud = new SimulatedCloud(options.Cloud);
            await cloud.StartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or System.Net.Sockets.SocketException or IOException)
        {
            await Console.Error.WriteLineAsync("Cannot start the simulated cloud: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        await using (cloud.ConfigureAwait(false))
        {
            if (options.FailOnboarding is (int status, int count))
            {
                cloud.Faults.FailNext(count, status);
            }

            Console.WriteLine(Banner.Describe(cloud));
            Console.WriteLine("Events:");
            using IDisposable? watch = options.Quiet ? null : cloud.Events.Watch(e => Console.WriteLine(e.ToString()));
            await stop.Task.ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine(Banner.Connections(cloud));
        }

        Console.WriteLine("Stopped.");
        return 0;
    }
}
