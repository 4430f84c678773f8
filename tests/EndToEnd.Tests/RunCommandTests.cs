using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>The README's run command: the built runner started as a process, as a user starts it.</summary>
public sealed class RunCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TheRunCommandReachesItsGoalExitsZeroAndPrintsItsSummary()
    {
        (int exit, string output, string errors) = await RunAsync("--messages", "3", "--interval", "1", "--quiet");

        Assert.True(exit == 0, $"exit {exit}{Environment.NewLine}{output}{Environment.NewLine}{errors}");
        Assert.Contains("Summary", output, StringComparison.Ordinal);
        // The run stops once 3 are acknowledged and the ping's reply is in; on a loaded machine more readings may
        // have gone out and been acknowledged while the reply was on its way, so "sent" can be ahead of
        // "acknowledged", never behind, and the goal line counts what was acknowledged when the run stopped.
        Match goal = Regex.Match(output, @"goal reached: (\d+) messages acknowledged");
        Assert.True(goal.Success, output);
        Assert.True(int.Parse(goal.Groups[1].Value, CultureInfo.InvariantCulture) >= 3, goal.Value);
        Match messages = Regex.Match(output, @"messages\s+(\d+) sent, (\d+) acknowledged");
        Assert.True(messages.Success, output);
        int sent = int.Parse(messages.Groups[1].Value, CultureInfo.InvariantCulture);
        int acknowledged = int.Parse(messages.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.InRange(acknowledged, 3, sent);
        Assert.Contains("reply received: {\"cmd\":\"ping\",\"ok\":true", output, StringComparison.Ordinal);
        Assert.Contains("TCP bytes", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  AT to 1st ack  \d+ commands \(cold start\)\r?\n", output);
        Assert.Matches(@"\n  idle AT        \d+ commands in \d+\.\d s with nothing to send or receive\r?\n", output);
        Assert.Matches(@"\n  fixed waits    \d+\.\d{3} s before the 1st ack\r?\n", output);
        Assert.DoesNotContain("device  published", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBoardsOwnSerialCodeOverTheEsp32ModelReachesTheGoal()
    {
        (int exit, string output, string errors) = await RunAsync("--board-model", "--messages", "2", "--interval", "1", "--no-ping", "--quiet");

        Assert.True(exit == 0, $"exit {exit}{Environment.NewLine}{output}{Environment.NewLine}{errors}");
        Assert.Contains("through the board's SerialPortLink over a model of nanoFramework's ESP32 SerialPort", output, StringComparison.Ordinal);
        Assert.Contains("goal reached", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunCommandIdentifiesAQuectelModemOnItsOwnAndReachesTheGoal()
    {
        (int exit, string output, string errors) = await RunAsync("--modem", "auto", "--messages", "2", "--interval", "1", "--no-ping");

        Assert.True(exit == 0, $"exit {exit}{Environment.NewLine}{output}{Environment.NewLine}{errors}");
        Assert.Contains("simulated: a Quectel BG95", output, StringComparison.Ordinal);
        Assert.Contains("modem identified as BG95-M3: Quectel BG95/BG96 driver", output, StringComparison.Ordinal);
        Assert.Contains("goal reached", output, StringComparison.Ordinal);
        Assert.DoesNotContain("rebooted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadCommandLineExitsTwoWithTheReason()
    {
        (int exit, _, string errors) = await RunAsync("--transport", "carrier-pigeon");

        Assert.Equal(2, exit);
        Assert.Contains("--transport must be auto, mqtt-tls, mqtt-websocket or https-post", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        string runner = Path.Combine(AppContext.BaseDirectory, "cellulariot-runner.dll");
        Assert.True(File.Exists(runner), runner + " was not built next to the tests");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(runner);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        Task<string> output = process.StandardOutput.ReadToEndAsync(limit.Token);
        Task<string> errors = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
