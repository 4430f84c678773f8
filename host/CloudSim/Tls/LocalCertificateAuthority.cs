using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CellularIot.CloudSim.Tls;

/// <summary>
/// A root CA made at start (RSA 2048, in memory), an intermediate it signs, and the server certificates the
/// intermediate issues, one per simulated host: the shape of AWS IoT Core's ATS chain, a leaf from an "Amazon RSA
/// 2048 Mxx" intermediate below Amazon Root CA 1, which the servers also send as a certificate cross-signed by an
/// older root (Starfield's, at AWS), so the handshake carries as many certificates and bytes. The device side
/// trusts only the self-signed root, as in production it trusts Amazon Root CA 1. Nothing is persisted but the
/// root's public certificate.
/// </summary>
internal sealed class LocalCertificateAuthority : IDisposable
{
    private readonly RSA key;
    private readonly RSA intermediateKey;
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
        intermediateKey = RSA.Create(2048);
        Intermediate = IssueIntermediate();
        CrossSignedRoot = CrossSign(request);
    }

    /// <summary>The root certificate, with its private key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The intermediate that signs the server certificates (public part), sent by the servers with their own.</summary>
    public X509Certificate2 Intermediate { get; }

    /// <summary>
    /// The root's subject and key in a certificate an older root signed, sent after the intermediate as AWS sends
    /// Amazon Root CA 1 cross-signed by Starfield; a device that holds the root itself ends the path there.
    /// </summary>
    public X509Certificate2 CrossSignedRoot { get; }

    /// <summary>The certificates a server sends after its own, in order.</summary>
    public IReadOnlyList<X509Certificate2> ServerChain => [Intermediate, CrossSignedRoot];

    /// <summary>The root certificate in PEM, what the device side installs as its only trust anchor.</summary>
    public string RootPem => Root.ExportCertificatePem();

    /// <summary>A server certificate for <paramref name="dnsName"/> (SAN and CN), signed by the intermediate, with its key.</summary>
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
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));

        using X509Certificate2 signer = Intermediate.CopyWithPrivateKey(intermediateKey);
        using X509Certificate2 publicOnly = request.Create(signer, notBefore, notAfter.AddDays(-2), Serial());
        return publicOnly.CopyWithPrivateKey(leafKey);
    }

    private X509Certificate2 IssueIntermediate()
    {
        var request = new CertificateRequest(
            "CN=CellularIot CloudSim RSA 2048 M01, O=CellularIot simulated cloud", intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        return request.Create(Root, notBefore, notAfter.AddDays(-1), Serial());
    }

    // The older root lives only while it signs: nothing trusts it, and nothing else is signed by it.
    private X509Certificate2 CrossSign(CertificateRequest rootRequest)
    {
        using RSA olderKey = RSA.Create(2048);
        var older = new CertificateRequest(
            "CN=CellularIot CloudSim Services Root CA - G2, O=CellularIot simulated cloud", olderKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        older.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        older.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using X509Certificate2 olderRoot = older.CreateSelfSigned(notBefore.AddDays(-1), notAfter.AddDays(1));
        return rootRequest.Create(olderRoot, notBefore, notAfter, Serial());
    }

    private static byte[] Serial()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }

    public void Dispose()
    {
        CrossSignedRoot.Dispose();
        Intermediate.Dispose();
        intermediateKey.Dispose();
        Root.Dispose();
        key.Dispose();
    }
}
