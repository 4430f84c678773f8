using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CellularIot.ModemSim;
using CellularIot.TestSupport;

namespace CellularIot.Modem.Tests.Support;

/// <summary>
/// A cloud endpoint on loopback: a CA, a <see cref="TlsServer"/> for <see cref="Host"/> (insisting on that SNI) with a
/// certificate the CA issued, valid around the network's time, and the simulator's host map pointing the name at it.
/// </summary>
internal sealed class TlsWorld : IDisposable
{
    public const string Host = "iot.cloud.test";
    public const int Port = 443;
    public const string CaFile = "ca.pem";

    /// <summary>Creates the world; <paramref name="serverCertificate"/> replaces the good one (made from <see cref="Ca"/>).</summary>
    public TlsWorld(Func<X509Certificate2, X509Certificate2>? serverCertificate = null)
    {
        Ca = TestPki.CreateCa("Test Root CA", Fast.NetworkTime.AddYears(-2), Fast.NetworkTime.AddYears(1));
        X509Certificate2 certificate = serverCertificate is null
            ? TestPki.CreateServer(Ca, Host, Fast.NetworkTime.AddDays(-30), Fast.NetworkTime.AddDays(30))
            : serverCertificate(Ca);
        Server = new TlsServer(certificate, Host);
    }

    public X509Certificate2 Ca { get; }

    public byte[] CaPem => Encoding.ASCII.GetBytes(Ca.ExportCertificatePem() + "\n");

    public TlsServer Server { get; }

    /// <summary>The simulator's options with <see cref="Host"/> mapped to the server.</summary>
    public ModemSimOptions Map(ModemSimOptions options) => options with
    {
        HostMap = new Dictionary<string, IPEndPoint>(StringComparer.OrdinalIgnoreCase) { [Host] = Server.EndPoint },
    };

    /// <summary>Where the driver connects, checked against the CA file.</summary>
    public static SecureSocketOptions Endpoint(string? alpn = null) => new(Host, Port, CaFile) { Alpn = alpn };

    public void Dispose()
    {
        Server.Dispose();
        Ca.Dispose();
    }
}
