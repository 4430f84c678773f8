namespace CellularIot.Flash.Tests;

/// <summary>
/// A nanoff stand-in to put first on PATH. It records each call's arguments, one per line, and for a file
/// deployment a copy of the folder that holds the JSON (flash.ps1 deletes its own when it ends). It exits with
/// code 7 when its first argument is the one it was told to fail on, else 0. A POSIX shell script: it does not
/// run on Windows.
/// </summary>
public sealed class FakeNanoff : IDisposable
{
    /// <summary>The exit code of a failing call.</summary>
    public const int FailureExitCode = 7;

    private const string Script = """
        #!/bin/sh
        set -e
        n=1
        while [ -e "$FAKE_NANOFF_RECORD/call-$n.txt" ]; do n=$((n + 1)); done
        for a in "$@"; do printf '%s\n' "$a"; done > "$FAKE_NANOFF_RECORD/call-$n.txt"
        if [ "$1" = "--filedeployment" ]; then cp -R "$(dirname "$2")" "$FAKE_NANOFF_RECORD/deployment-$n"; fi
        if [ "$1" = "$FAKE_NANOFF_FAIL_ON" ]; then echo "fake nanoff: failing $1" >&2; exit 7; fi
        echo "fake nanoff: $1 done"

        """;

    private readonly TempFolder folder = new();
    private readonly string bin;
    private readonly string record;

    /// <param name="failOn">The first argument (e.g. --update) of the call that fails; null for none.</param>
    public FakeNanoff(string? failOn = null)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The fake nanoff is a POSIX shell script.");
        }

        bin = Path.Combine(folder.Path, "bin");
        record = Path.Combine(folder.Path, "record");
        Directory.CreateDirectory(record);
        string nanoff = folder.Write(Path.Combine("bin", "nanoff"), Script);
        File.SetUnixFileMode(nanoff, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = bin + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_NANOFF_RECORD"] = record,
            ["FAKE_NANOFF_FAIL_ON"] = failOn ?? string.Empty,
        };
    }

    /// <summary>The variables that put this nanoff first on PATH.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Each call's arguments, in call order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Calls
    {
        get
        {
            var calls = new List<IReadOnlyList<string>>();
            for (int n = 1; File.Exists(CallFile(n)); n++)
            {
                calls.Add(File.ReadAllText(CallFile(n)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }

            return calls;
        }
    }

    /// <summary>The copy of the deployment folder that call <paramref name="call"/> (1-based) was given.</summary>
    public string DeploymentCopy(int call) => Path.Combine(record, $"deployment-{call}");

    public void Dispose() => folder.Dispose();

    private string CallFile(int n) => Path.Combine(record, $"call-{n}.txt");
}
