using CellularIot.Support;

namespace CellularIot.Fuzz;

/// <summary>A log that keeps nothing but refuses any line holding a secret whole: the token is a credential.</summary>
public sealed class SecretScanningLog(params string[] secrets) : ILog
{
    /// <inheritdoc/>
    public void Info(string message) => Scan(message);

    /// <inheritdoc/>
    public void Warn(string message) => Scan(message);

    private void Scan(string message)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_LOG") != null)
        {
            Console.Error.WriteLine(message);
        }

        foreach (string secret in secrets)
        {
            FuzzFindingException.Check(message == null || !message.Contains(secret, StringComparison.Ordinal), "a log line holds a secret whole: " + message);
        }
    }
}
