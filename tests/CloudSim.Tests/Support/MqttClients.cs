using System.Collections.Concurrent;
using System.Net.Security;
using System.Threading.Channels;
using CellularIot.CloudSim.Tls;
using MQTTnet;
using MQTTnet.Diagnostics.PacketInspection;
using MQTTnet.Formatter;
using Xunit;

namespace CellularIot.CloudSim.Tests.Support;

/// <summary>MQTTnet's client set up as the device connects: TLS with SNI and ALPN <c>mqtt</c>, or MQTT over a WebSocket.</summary>
internal static class MqttClients
{
    public static readonly SslApplicationProtocol Alpn = new("mqtt");

    /// <summary>MQTT 3.1.1 over TLS to the IoT endpoint, username as onboarding gave it, server checked against the cloud's CA.</summary>
    public static MqttClientOptionsBuilder OverTls(SimulatedCloud cloud, string clientId, string username, bool alpn = true)
        => new MqttClientOptionsBuilder()
            .WithTcpServer(cloud.IotEndpoint.Address.ToString(), cloud.IotEndpoint.Port)
            .WithClientId(clientId)
            .WithCredentials(username, (string?)null)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(tls =>
            {
                tls.UseTls()
                    .WithTargetHost(cloud.IotHost)
                    .WithCertificateValidationHandler(e => DeviceTrust.Accepts(cloud.CaCertificate, e.Certificate, e.Chain, e.SslPolicyErrors));
                if (alpn)
                {
                    tls.WithApplicationProtocols([Alpn]);
                }
            });

    /// <summary>
    /// MQTT 3.1.1 over a WebSocket at <c>/mqtt</c>. The URI names the endpoint's address; the Host header names the
    /// endpoint host, which the client also sends as SNI. <paramref name="headers"/> come on top.
    /// </summary>
    public static MqttClientOptionsBuilder OverWebSocket(
        SimulatedCloud cloud, string clientId, string? username, string query = "", IDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = $"{cloud.IotHost}:{cloud.IotEndpoint.Port}",
        };
        var builder = new MqttClientOptionsBuilder()
            .WithWebSocketServer(ws => ws
                .WithUri($"wss://{cloud.IotEndpoint.Address}:{cloud.IotEndpoint.Port}/mqtt{query}")
                .WithSubProtocols(["mqtt"])
                .WithRequestHeaders(all))
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(tls => tls.UseTls()
                .WithCertificateValidationHandler(e => DeviceTrust.Accepts(cloud.CaCertificate, e.Certificate, e.Chain, e.SslPolicyErrors)));
        return username is null ? builder : builder.WithCredentials(username, (string?)null);
    }

    public static async Task<MqttSession> ConnectAsync(MqttClientOptionsBuilder options)
    {
        var session = new MqttSession(new MqttClientFactory().CreateMqttClient());
        try
        {
            session.Connected = await session.Client.ConnectAsync(options.Build(), TestCloud.Bounded());
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A connected MQTTnet client with its received messages and its disconnection as awaitables.</summary>
internal sealed class MqttSession : IAsyncDisposable
{
    private readonly TaskCompletionSource<MqttClientDisconnectedEventArgs> disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MqttSession(IMqttClient client)
    {
        Client = client;
        client.DisconnectedAsync += e =>
        {
            disconnected.TrySetResult(e);
            return Task.CompletedTask;
        };
        client.InspectPacketAsync += e =>
        {
            if (e.Direction == MqttPacketFlowDirection.Inbound)
            {
                InboundPacketTypes.Enqueue(e.Buffer[0]);
            }

            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += e =>
        {
            Received.Writer.TryWrite(e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    public IMqttClient Client { get; }

    /// <summary>The CONNACK's outcome (session present or not).</summary>
    public MqttClientConnectResult? Connected { get; set; }

    /// <summary>The fixed-header byte of every packet the client received, in order.</summary>
    public ConcurrentQueue<byte> InboundPacketTypes { get; } = new();

    public Channel<MqttApplicationMessage> Received { get; } = Channel.CreateUnbounded<MqttApplicationMessage>();

    public Task<MqttClientDisconnectedEventArgs> Disconnected => disconnected.Task;

    /// <summary>The next message within <paramref name="timeout"/>, or null.</summary>
    public async Task<MqttApplicationMessage?> NextMessageAsync(TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestCloud.Bounded());
        wait.CancelAfter(timeout);
        try
        {
            return await Received.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!TestCloud.Bounded().IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected)
        {
            await Client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }

        Client.Dispose();
    }
}
