using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

[assembly: AssemblyFixture(typeof(CellularIot.Flash.Tests.FlashScript))]

namespace CellularIot.Flash.Tests;

/// <summary>
/// Runs flash.ps1 the way a user does, under the PowerShell that .config/dotnet-tools.json pins
/// (<c>dotnet tool run pwsh</c>). Restores that tool once per test run, so a fresh machine needs only the SDK.
/// </summary>
public sealed partial class FlashScript : IAsyncLifetime
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly string dotnet = FindDotnet();

    /// <summary>The repository root, as the build saw it.</summary>
    public static string RepoRoot { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(
        typeof(FlashScript).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!));

    /// <summary>The default application image flash.ps1 deploys.</summary>
    public static string DefaultImage { get; } = Path.Combine(RepoRoot, "firmware", "Board", "bin", "Release", "CellularIot.Board.bin");

    /// <summary>The CA flash.ps1 deploys.</summary>
    public static string CaFile { get; } = Path.Combine(RepoRoot, "certs", "AmazonRootCA1.pem");

    /// <summary>A sample configuration under config/.</summary>
    public static string SampleConfig(string board) => Path.Combine(RepoRoot, "config", board + ".conf");

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        ScriptRun restore = await RunDotnetAsync(["tool", "restore"], environment: null, timeout.Token).ConfigureAwait(false);
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool restore failed ({restore.ExitCode}):{Environment.NewLine}{restore.Output}{restore.Error}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs <c>flash.ps1 arguments</c>; <paramref name="environment"/> overrides variables (null removes one).</summary>
    public Task<ScriptRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
        => RunDotnetAsync(
            ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepoRoot, "flash.ps1"), .. arguments],
            environment,
            TestContext.Current.CancellationToken);

    private async Task<ScriptRun> RunDotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            // dotnet tool run finds the tool manifest from the working directory.
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>(StringComparer.Ordinal))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        try
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            Task<string> error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return new ScriptRun(process.ExitCode, Plain(await output.ConfigureAwait(false)), Plain(await error.ConfigureAwait(false)));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    // Parameter-binding errors come from PowerShell itself, which may colour them despite NO_COLOR.
    private static string Plain(string text) => AnsiEscape().Replace(text, string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex("\u001b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    private static string FindDotnet()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        IEnumerable<string> folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? string.Empty);
        return folders.Where(f => f.Length > 0).Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("dotnet was not found on PATH or in DOTNET_ROOT.");
    }
}
