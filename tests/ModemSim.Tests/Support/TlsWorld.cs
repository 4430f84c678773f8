using System.Net;
using System.Security.Cryptography.X509Certificates;
using CellularIot.TestSupport;

namespace CellularIot.ModemSim.Tests.Support;

/// <summary>A CA, a TLS echo server for <see cref="Host"/> with a certificate it issued, and options mapping the host to it.</summary>
internal sealed class TlsWorld : IDisposable
{
    public const string Host = "echo.test";

    public TlsWorld(X509Certificate2? serverCertificate = null, string? requiredSni = null, X509Certificate2? ca = null)
    {
        Ca = ca ?? TestPki.CreateCa("Test Root CA");
        Server = new EchoServer(serverCertificate ?? TestPki.CreateServer(Ca, Host), requiredSni);
    }

    public X509Certificate2 Ca { get; }

    public string CaPem => Ca.ExportCertificatePem();

    public EchoServer Server { get; }

    /// <summary>Fast options with <see cref="Host"/> mapped to the server and network time = now.</summary>
    public ModemSimOptions Options(ModemProfile? profile = null, IPAddress? source = null) => SimHarness.Fast with
    {
        Profile = profile ?? ModemProfile.Standard,
        HostMap = new Dictionary<string, IPEndPoint> { [Host] = Server.EndPoint },
        SourceAddress = source,
        NetworkTime = DateTimeOffset.UtcNow,
    };

    public void Dispose()
    {
        Server.Dispose();
        Ca.Dispose();
    }
}
