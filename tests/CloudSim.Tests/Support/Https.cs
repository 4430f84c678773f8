using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CellularIot.CloudSim.Tls;
using Xunit;

namespace CellularIot.CloudSim.Tests.Support;

/// <summary>
/// HttpClient as a modem's data connection sees the simulated cloud: connections bound to the SIM's source address,
/// the cloud's host names resolved to its endpoints (SNI comes from the request's host), and the server validated
/// against the cloud's CA only.
/// </summary>
internal static class Https
{
    public static HttpClient Client(SimulatedCloud cloud, IPAddress source)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                IPEndPoint target = context.DnsEndPoint.Host == cloud.OnboardingHost ? cloud.OnboardingEndpoint
                    : context.DnsEndPoint.Host == cloud.IotHost ? cloud.IotEndpoint
                    : throw new HttpRequestException($"no simulated host {context.DnsEndPoint.Host}");
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(target, cancellationToken);
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
        return new HttpClient(handler) { Timeout = TestCloud.Wait };
    }

    public static Task<HttpResponseMessage> OnboardAsync(SimulatedCloud cloud, IPAddress source, Action<HttpRequestMessage>? prepare = null)
        => SendAsync(cloud, source, new HttpRequestMessage(HttpMethod.Get, cloud.OnboardingUrl), prepare);

    public static async Task<HttpResponseMessage> SendAsync(
        SimulatedCloud cloud, IPAddress source, HttpRequestMessage request, Action<HttpRequestMessage>? prepare = null)
    {
        using HttpClient client = Client(cloud, source);
        prepare?.Invoke(request);
        using (request)
        {
            return await client.SendAsync(request, TestCloud.Bounded());
        }
    }

    /// <summary>Onboards the SIM at <paramref name="source"/> over HTTPS (JSON) and returns its login.</summary>
    public static async Task<OnboardingResponse> LoginAsync(SimulatedCloud cloud, IPAddress source)
    {
        using HttpResponseMessage response = await OnboardAsync(cloud, source);
        response.EnsureSuccessStatusCode();
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestCloud.Bounded()));
        JsonElement root = json.RootElement;
        return new OnboardingResponse(
            root.GetProperty("username").GetString()!,
            root.GetProperty("iotCoreEndpointUrl").GetString()!,
            root.GetProperty("clientId").GetString()!,
            root.GetProperty("amazonRootCaUrl").GetString()!);
    }

    /// <summary>Publishes <paramref name="body"/> at QoS 1 with HTTPS POST, credentials in the query as the seed builds them; fails unless 200.</summary>
    public static async Task PublishAsync(SimulatedCloud cloud, OnboardingResponse login, string topic, string body)
    {
        string credentials = login.Username[login.Username.IndexOf("x-amz-customauthorizer-name", StringComparison.Ordinal)..];
        using HttpResponseMessage response = await SendAsync(
            cloud, TestCloud.SimAddress, new HttpRequestMessage(HttpMethod.Post, IotUrl(cloud, $"/topics/{topic}?qos=1&{credentials}")) { Content = new StringContent(body) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The IoT endpoint URL for a path and query.</summary>
    public static Uri IotUrl(SimulatedCloud cloud, string pathAndQuery) => new($"https://{cloud.IotHost}:{cloud.IotEndpoint.Port}{pathAndQuery}");
}
