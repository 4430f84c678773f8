using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CellularIot.CloudSim.Tls;

/// <summary>
/// A root CA made at start (RSA 2048, in memory) and the server certificates it issues, one per simulated host.
/// The device side trusts only this root, as in production it trusts Amazon Root CA 1. Nothing is persisted but
/// the root's public certificate.
/// </summary>
internal sealed class LocalCertificateAuthority : IDisposable
{
    private readonly RSA key;
    private readonly DateTimeOffset notBefore;
    private readonly DateTimeOffset notAfter;

    public LocalCertificateAuthority(DateTimeOffset now)
    {
        // Backdated so that a device clock a little behind still accepts the certificates.
        notBefore = now.AddDays(-1);
        notAfter = now.AddDays(365);
        key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=CellularIot CloudSim Root CA, O=CellularIot simulated cloud", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Root = request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>The root certificate, with its private key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The root certificate in PEM, what the device side installs as its only trust anchor.</summary>
    public string RootPem => Root.ExportCertificatePem();

    /// <summary>A server certificate for <paramref name="dnsName"/> (SAN and CN), signed by the root, with its key.</summary>
    public X509Certificate2 IssueServerCertificate(string dnsName)
    {
        using RSA leafKey = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));

        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using X509Certificate2 publicOnly = request.Create(Root, notBefore, notAfter.AddDays(-1), serial);
        return publicOnly.CopyWithPrivateKey(leafKey);
    }

    public void Dispose()
    {
        Root.Dispose();
        key.Dispose();
    }
}
