using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using CellularIot.CloudSim.Tests.Support;
using Xunit;

namespace CellularIot.CloudSim.Tests;

/// <summary>
/// The servers present their certificate the way AWS IoT Core's ATS endpoints do: the leaf, the intermediate that
/// signed it and the root the device stores (cross-signed by an older root), so a handshake carries as many
/// certificates (and bytes) as the real one.
/// </summary>
public sealed class CertificateChainTests
{
    [Theory]
    [InlineData("onboarding")]
    [InlineData("iot")]
    public async Task TheServerSendsItsLeafTheIntermediateAndTheRoot(string service)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        string host = service == "iot" ? cloud.IotHost : cloud.OnboardingHost;
        List<X509Certificate2> sent = await PresentedAsync(service == "iot" ? cloud.IotEndpoint : cloud.OnboardingEndpoint, host);

        Assert.Equal(3, sent.Count);
        X509Certificate2 leaf = sent[0];
        X509Certificate2 intermediate = Assert.Single(sent, c => c.Subject.Contains("RSA 2048 M01", StringComparison.Ordinal));
        X509Certificate2 root = Assert.Single(sent, c => c.Subject == cloud.CaCertificate.Subject);
        Assert.Equal("CN=" + host, leaf.Subject);
        Assert.Equal(intermediate.Subject, leaf.Issuer);
        Assert.Equal(root.Subject, intermediate.Issuer);

        // The root comes cross-signed by an older one, as Amazon Root CA 1 by Starfield: the device's own root has its key.
        Assert.NotEqual(root.Subject, root.Issuer);
        Assert.Equal(cloud.CaCertificate.PublicKey.EncodedKeyValue.RawData, root.PublicKey.EncodedKeyValue.RawData);

        // The device trusts the root alone, and the chain the server sent reaches it.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(cloud.CaCertificate);
        chain.ChainPolicy.ExtraStore.Add(intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(3, chain.ChainElements.Count);
    }

    // The certificates the server sent, leaf first, as the client's validation callback receives them.
    private static async Task<List<X509Certificate2>> PresentedAsync(System.Net.IPEndPoint endpoint, string host)
    {
        var sent = new List<X509Certificate2>();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint, TestCloud.Bounded());
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = host,
                // The name must match; the chain reaches a root the machine does not trust, and is checked above against the cloud's.
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    sent.Add(X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData()));
                    foreach (X509Certificate2 extra in chain!.ChainPolicy.ExtraStore)
                    {
                        if (extra.Thumbprint != sent[0].Thumbprint)
                        {
                            sent.Add(X509CertificateLoader.LoadCertificate(extra.RawData));
                        }
                    }

                    return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
                },
            },
            TestCloud.Bounded());
        return sent;
    }
}
