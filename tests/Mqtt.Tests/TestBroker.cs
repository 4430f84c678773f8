using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CellularIot.Mqtt.Tests;

/// <summary>
/// A real MQTT broker (MQTTnet.Server) on loopback that records what the device sends it: the CONNECT's
/// client ID and user name, every PUBLISH (with its DUP flag) and every PINGREQ. It can hold back the
/// next PUBLISH (no PUBACK) and throw a client out, to stage a broker-side disconnect.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly MqttServer server;
    private int dropNextPublish;
    private int pings;

    private TestBroker(MqttServer server, int port)
    {
        this.server = server;
        Port = port;
        server.ValidatingConnectionAsync += e =>
        {
            Connects.Enqueue((e.ClientId, e.UserName, e.CleanSession ?? true, e.KeepAlivePeriod ?? 0));
            if (RefuseWith is { } code)
            {
                e.ReasonCode = code;
            }

            return Task.CompletedTask;
        };
        server.InterceptingInboundPacketAsync += e =>
        {
            switch (e.Packet)
            {
                case MqttPingReqPacket:
                    Interlocked.Increment(ref pings);
                    break;
                case MqttPublishPacket publish:
                    InboundPublishes.Enqueue((publish.Topic, publish.PacketIdentifier, publish.Dup, publish.QualityOfServiceLevel));
                    if (Interlocked.Exchange(ref dropNextPublish, 0) == 1)
                    {
                        e.ProcessPacket = false;
                    }

                    break;
            }

            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += e =>
        {
            Processed.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        server.ClientAcknowledgedPublishPacketAsync += e =>
        {
            AcknowledgedByClient.Enqueue(e.PublishPacket.Topic);
            return Task.CompletedTask;
        };
    }

    /// <summary>The broker's plain TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Every CONNECT seen: client ID, user name, clean session, keep-alive.</summary>
    public ConcurrentQueue<(string ClientId, string UserName, bool CleanSession, ushort KeepAlive)> Connects { get; } = new();

    /// <summary>Every PUBLISH from a client as it arrived: topic, packet id, DUP, QoS.</summary>
    public ConcurrentQueue<(string Topic, ushort PacketId, bool Dup, MqttQualityOfServiceLevel Qos)> InboundPublishes { get; } = new();

    /// <summary>Every PUBLISH the broker processed (accepted and routed).</summary>
    public ConcurrentQueue<(string Topic, byte[] Payload)> Processed { get; } = new();

    /// <summary>Topics of QoS 1 messages a client acknowledged with PUBACK.</summary>
    public ConcurrentQueue<string> AcknowledgedByClient { get; } = new();

    /// <summary>PINGREQs received.</summary>
    public int Pings => Volatile.Read(ref pings);

    /// <summary>When set, every CONNECT is refused with this code.</summary>
    public MqttConnectReasonCode? RefuseWith { get; set; }

    /// <summary>Starts a broker on a free loopback port.</summary>
    public static async Task<TestBroker> StartAsync()
    {
        int port = LoopbackPorts.Free();
        var factory = new MqttServerFactory();
        MqttServerOptions options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .Build();
        MqttServer mqttServer = factory.CreateMqttServer(options);
        var broker = new TestBroker(mqttServer, port);
        await mqttServer.StartAsync().ConfigureAwait(false);
        return broker;
    }

    /// <summary>The next PUBLISH from any client is seen but not processed, so it gets no PUBACK.</summary>
    public void DropNextPublish() => Volatile.Write(ref dropNextPublish, 1);

    /// <summary>Closes the connection of <paramref name="clientId"/> from the broker's side.</summary>
    public Task DisconnectAsync(string clientId) => server.DisconnectClientAsync(clientId, MqttDisconnectReasonCode.AdministrativeAction);

    /// <summary>Sends a message to subscribers, as another client would.</summary>
    public Task InjectAsync(string topic, string payload, MqttQualityOfServiceLevel qos)
    {
        var message = new MQTTnet.MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build();
        return server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "test" }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync().ConfigureAwait(false);
        server.Dispose();
    }
}
