using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CellularIot.CloudSim;
using CellularIot.CloudSim.Tls;
using MQTTnet;
using MQTTnet.Formatter;

namespace CellularIot.Session.Tests.Support;

/// <summary>The test's own ways into the simulated cloud, with the SIM's credentials from <see cref="SimulatedCloud.IssueCredentials"/>.</summary>
internal static class CloudClient
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Publishes <paramref name="body"/> to <paramref name="topic"/> through IoT Core's HTTPS <c>POST /topics/...</c>, as SIM <paramref name="iccid"/>.</summary>
    public static async Task<HttpStatusCode> PostAsync(SimulatedCloud cloud, string iccid, string topic, string body, int qos)
    {
        OnboardingResponse login = cloud.IssueCredentials(iccid);
        string credentials = login.Username[login.Username.IndexOf("x-amz-customauthorizer-name", StringComparison.Ordinal)..];
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(cloud.IotEndpoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, chain, errors) => DeviceTrust.Accepts(cloud.CaCertificate, certificate, chain, errors) },
        };
        using var client = new HttpClient(handler) { Timeout = Limit };
        var url = new Uri($"https://{cloud.IotHost}:{cloud.IotEndpoint.Port}/topics/{topic}?qos={qos}&{credentials}");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(url, content, Bounded());
        return response.StatusCode;
    }

    /// <summary>Connects MQTTnet's client over TLS with ALPN mqtt as SIM <paramref name="iccid"/>: same client ID, same kind of login.</summary>
    public static async Task<IMqttClient> ConnectAsSimAsync(SimulatedCloud cloud, string iccid)
    {
        OnboardingResponse login = cloud.IssueCredentials(iccid);
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(cloud.IotEndpoint.Address.ToString(), cloud.IotEndpoint.Port)
            .WithClientId(login.ClientId)
            .WithCredentials(login.Username, (string?)null)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(tls => tls.UseTls()
                .WithTargetHost(cloud.IotHost)
                .WithApplicationProtocols([new SslApplicationProtocol("mqtt")])
                .WithCertificateValidationHandler(e => DeviceTrust.Accepts(cloud.CaCertificate, e.Certificate, e.Chain, e.SslPolicyErrors)))
            .Build();
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        try
        {
            await client.ConnectAsync(options, Bounded());
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The test's cancellation, bounded to <see cref="Limit"/>.</summary>
    public static CancellationToken Bounded()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        source.CancelAfter(Limit);
        return source.Token;
    }
}
