using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using CellularIot.Cloud;
using Xunit;

namespace CellularIot.NanoCheck.Tests;

/// <summary>The CA compiled into the firmware is certs/AmazonRootCA1.pem, byte for byte.</summary>
public sealed class ShippedCertificateTests
{
    private static string RepoRoot => typeof(ShippedCertificateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public void BuiltInCaIsTheShippedFile()
    {
        string shipped = File.ReadAllText(Path.Combine(RepoRoot, "certs", "AmazonRootCA1.pem"));

        Assert.Equal(AmazonRootCa1.Pem, shipped);
        using var certificate = X509Certificate2.CreateFromPem(AmazonRootCa1.Pem);
        Assert.Equal("8ECDE6884F3D87B1125BA31AC3FCB13D7016DE7F57CC904FE1CB97C6AE98196E", certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
    }
}
