using System.Security.Cryptography.X509Certificates;
using CellularIot.TestSupport;

namespace CellularIot.Mqtt.Tests;

/// <summary>A test CA and a server certificate it signed (<see cref="TestPki"/>), made fresh per test.</summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server)
    {
        Ca = ca;
        Server = server;
    }

    /// <summary>The CA (public part only), what the client trusts.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Creates a CA named <paramref name="caName"/> and a server certificate for <paramref name="serverName"/>.</summary>
    public static TestCertificates Create(string caName, string serverName)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 caWithKey = TestPki.CreateCa(caName, now.AddDays(-1), now.AddDays(30));
        X509Certificate2 server = TestPki.CreateServer(caWithKey, serverName, now.AddDays(-1), now.AddDays(29));
        X509Certificate2 ca = X509CertificateLoader.LoadCertificate(caWithKey.Export(X509ContentType.Cert));
        return new TestCertificates(ca, server);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
    }
}
