using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>
/// Nothing secret is in the repository: every file git tracks is read, and none holds a private key, a key store, an
/// AWS access key, a signed JWT or a custom-authorizer signature of a real length. The test fixtures' logins carry
/// placeholders (a signature "c2ln", "signature-placeholder-..."), which these rules let through; the simulated
/// cloud makes its keys at run time and never writes them into the tree.
/// </summary>
public sealed partial class RepositorySecretTests
{
    private static string RepoRoot => typeof(RepositorySecretTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public void NoTrackedFileHoldsAKeyATokenOrASignature()
    {
        IReadOnlyList<string> files = TrackedFiles();
        Assert.Contains("certs/AmazonRootCA1.pem", files);
        Assert.True(files.Count > 300, $"only {files.Count} tracked files: not the whole repository");

        var findings = new List<string>();
        foreach (string file in files)
        {
            if (KeyStore().IsMatch(file))
            {
                findings.Add(file + ": a key store file");
                continue;
            }

            string path = Path.Combine(RepoRoot, file);
            if (!File.Exists(path))
            {
                continue;
            }

            string text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
            findings.AddRange(Secrets(text).Select(what => file + ": " + what));
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void EveryTrackedPemHoldsCertificatesOnly()
    {
        foreach (string file in TrackedFiles().Where(f => f.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)))
        {
            string pem = File.ReadAllText(Path.Combine(RepoRoot, file));
            Assert.DoesNotContain("PRIVATE", pem, StringComparison.Ordinal);
            using X509Certificate2 certificate = X509Certificate2.CreateFromPem(pem);
            Assert.False(certificate.HasPrivateKey, file);
        }
    }

    // The rules themselves: each catches its kind of secret and lets the fixtures' placeholders through. (The
    // samples are split so that this file does not hold what it looks for.)
    [Theory]
    [InlineData("-----BEGIN RSA " + "PRIVATE KEY-----", true)]
    [InlineData("-----BEGIN " + "PRIVATE KEY-----", true)]
    [InlineData("-----BEGIN ENCRYPTED " + "PRIVATE KEY-----", true)]
    [InlineData("-----BEGIN CERTIFICATE-----", false)]
    [InlineData("aws_access_key_id = AKIA" + "IOSFODNN7EXAMPL3", true)]
    [InlineData("token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2ln", false)]
    [InlineData("token=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4OTg4MjI4MDY2NjEyMzQ1Njc4IiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLXBsYWNlaG9sZGVyLWZvci10aGUtdGVzdA", false)]
    [InlineData("x-amz-customauthorizer-signature=abc%2Bdef%2Fghi%3D%3D&token", false)]
    public void TheRulesFindSecretsAndPassPlaceholders(string text, bool secret) => Assert.Equal(secret, Secrets(text).Any());

    [Fact]
    public void TheRulesFindARealSignatureAndASignedToken()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        byte[] signature = key.SignData("x"u8.ToArray(), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        string base64Url = Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Single(Secrets("x-amz-customauthorizer-signature=" + Uri.EscapeDataString(Convert.ToBase64String(signature)) + "&token=t"));
        Assert.Single(Secrets("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0." + base64Url));
    }

    private static IEnumerable<string> Secrets(string text)
    {
        if (PrivateKey().IsMatch(text))
        {
            yield return "a private key";
        }

        if (AwsAccessKey().IsMatch(text))
        {
            yield return "an AWS access key ID";
        }

        foreach (Match jwt in Jwt().Matches(text))
        {
            if (IsRealSignature(jwt.Groups["signature"].Value))
            {
                yield return "a signed JWT " + jwt.Value[..16] + "...";
            }
        }

        foreach (Match signature in AuthorizerSignature().Matches(text))
        {
            if (signature.Groups["value"].Value.Length >= 64)
            {
                yield return "a custom-authorizer signature";
            }
        }
    }

    // A real signature is at least 32 random bytes; a placeholder is short or decodes to readable text.
    private static bool IsRealSignature(string base64Url)
    {
        if (base64Url.Length < 43)
        {
            return false;
        }

        string padded = base64Url.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        try
        {
            byte[] bytes = Convert.FromBase64String(padded);
            return !bytes.All(b => b is >= 0x20 and < 0x7F);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IReadOnlyList<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepoRoot, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "ls-files", "-z" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        string output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.(?<signature>[A-Za-z0-9_-]+)")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"x-amz-customauthorizer-signature=(?<value>[A-Za-z0-9%+/=._~-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizerSignature();

    [GeneratedRegex(@"\.(?:pfx|p12|key|jks|keystore)$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyStore();
}
