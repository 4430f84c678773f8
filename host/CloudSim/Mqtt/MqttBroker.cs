using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using CellularIot.CloudSim.Auth;
using CellularIot.CloudSim.Tls;
using MQTTnet;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CellularIot.CloudSim.Mqtt;

/// <summary>
/// MQTTnet's broker with AWS IoT Core's rules put in through its interceptors: the custom authorizer at CONNECT
/// (closing without CONNACK on failure), the 1NCE policy and AWS limits on PUBLISH and SUBSCRIBE (closing on
/// violation), QoS 2 ignored without acknowledgement, a duplicate client ID closing the older connection and taking
/// its session over, a persistent session kept for <see cref="SimulatedCloudOptions.PersistentSessionExpiry"/> after
/// its client left.
/// </summary>
internal sealed class MqttBroker : IAsyncDisposable
{
    // Injected (HTTP) publishes carry these session items, so the interceptor knows there is no MQTT connection to close.
    private const string HttpConnectionKey = "cloudsim.http-connection";

    private readonly CloudContext context;
    private readonly CustomAuthorizer authorizer;
    private readonly IotPolicy policy;
    private readonly BrokerAdapter adapter = new();
    private readonly MqttServer server;
    private readonly ConcurrentDictionary<EndPoint, FrontChannel> byEndpoint = new();
    private readonly ConcurrentDictionary<string, FrontChannel> byClientId = new(StringComparer.Ordinal);

    // When each client left (not taken over): a persistent session expires that long after.
    private readonly ConcurrentDictionary<string, DateTimeOffset> leftAt = new(StringComparer.Ordinal);

    public MqttBroker(CloudContext context, CustomAuthorizer authorizer, IotPolicy policy)
    {
        this.context = context;
        this.authorizer = authorizer;
        this.policy = policy;
        MqttServerOptions options = new MqttServerOptionsBuilder().WithoutDefaultEndpoint().WithPersistentSessions(true).Build();
        server = new MqttServerFactory().CreateMqttServer(options, [adapter], MqttNetNullLogger.Instance);
        server.ValidatingConnectionAsync += OnValidatingConnection;
        server.ClientConnectedAsync += OnClientConnected;
        server.ClientDisconnectedAsync += OnClientDisconnected;
        server.InterceptingInboundPacketAsync += OnInboundPacket;
        server.InterceptingPublishAsync += OnPublish;
        server.InterceptingSubscriptionAsync += OnSubscription;
        server.ApplicationMessageEnqueuedOrDroppedAsync += OnEnqueued;
    }

    public Task StartAsync() => server.StartAsync();

    /// <summary>Runs one client connection through the broker until it ends.</summary>
    public async Task RunAsync(ConnectionRecord connection, Stream stream, AuthorizerCredentials? transportCredentials)
    {
        var channel = new FrontChannel(connection, stream, context, transportCredentials);
        byEndpoint[connection.Remote] = channel;
        try
        {
            await adapter.RunAsync(channel).ConfigureAwait(false);
        }
        finally
        {
            byEndpoint.TryRemove(new KeyValuePair<EndPoint, FrontChannel>(connection.Remote, channel));
            if (channel.ClientId is not null)
            {
                byClientId.TryRemove(new KeyValuePair<string, FrontChannel>(channel.ClientId, channel));
            }

            channel.Dispose();
        }
    }

    /// <summary>Routes a message published over HTTPS, as the principal <paramref name="iccid"/>.</summary>
    public Task PublishAsync(long connectionId, string iccid, string topic, byte[] payload, MqttQualityOfServiceLevel qos, CancellationToken cancellationToken)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build();
        var injected = new InjectedMqttApplicationMessage(message)
        {
            SenderClientId = iccid,
            CustomSessionItems = new Hashtable { [HttpConnectionKey] = connectionId },
        };
        return server.InjectApplicationMessage(injected, cancellationToken);
    }

    /// <summary>Closes the connection of <paramref name="clientId"/>; false when it is not connected.</summary>
    public bool Kick(string clientId, string reason)
        => byClientId.TryGetValue(clientId, out FrontChannel? channel) && channel.Close(CloudEventKind.Kicked, reason);

    public async ValueTask DisposeAsync()
    {
        foreach (FrontChannel channel in byEndpoint.Values)
        {
            channel.Close(null, "the simulated cloud stopped");
        }

        await server.StopAsync().ConfigureAwait(false);
        server.Dispose();
    }

    private async Task OnValidatingConnection(ValidatingConnectionEventArgs args)
    {
        if (!byEndpoint.TryGetValue(args.RemoteEndPoint, out FrontChannel? channel))
        {
            args.ReasonCode = MqttConnectReasonCode.UnspecifiedError;
            return;
        }

        AuthorizerCredentials? credentials = AuthorizerCredentials.Complete(channel.TransportCredentials, AuthorizerCredentials.FromUsername(args.UserName));
        AuthorizerDecision decision = authorizer.Authorize(credentials, args.ClientId);
        if (!decision.Allowed)
        {
            // Closing the channel first makes the broker's CONNACK fail to send: the client sees the connection
            // close with no CONNACK, as AWS does.
            args.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            channel.Connection.SetClientId(args.ClientId);
            channel.Close(CloudEventKind.AuthRejected, $"client '{args.ClientId}' refused, closed without CONNACK: {decision.Reason}", args.ClientId);
            return;
        }

        await ExpireSessionAsync(channel, args.ClientId).ConfigureAwait(false);

        // A connected client with this ID is closed by the broker's takeover (see OnClientDisconnected), not here:
        // closing it before the broker marks it taken over lets its teardown remove the new session.
        byClientId[args.ClientId] = channel;
        channel.Authorize(args.ClientId, decision.Expires);
        context.Events.Add(
            channel.Connection.Id, CloudEventKind.AuthAccepted, args.ClientId,
            $"{decision.Reason}; token expires {decision.Expires:u} (disconnectAfterInSeconds {(decision.Expires - context.Now).TotalSeconds:0})");
    }

    // Discards the session of a client that left longer ago than the expiry, before the broker would take it up again.
    private async Task ExpireSessionAsync(FrontChannel channel, string clientId)
    {
        TimeSpan expiry = context.Options.PersistentSessionExpiry;
        if (!leftAt.TryRemove(clientId, out DateTimeOffset left) || context.Now - left <= expiry)
        {
            return;
        }

        MqttSessionStatus? kept = (await server.GetSessionsAsync().ConfigureAwait(false)).FirstOrDefault(s => s.Id == clientId);
        if (kept is not null)
        {
            await kept.DeleteAsync().ConfigureAwait(false);
            context.Events.Add(
                channel.Connection.Id, CloudEventKind.SessionExpired, clientId,
                $"away {(context.Now - left).TotalSeconds:0.#} s, longer than the session expiry of {expiry.TotalSeconds:0.#} s: its subscriptions and queued messages are gone");
        }
    }

    private Task OnClientConnected(ClientConnectedEventArgs args)
    {
        if (byEndpoint.TryGetValue(args.RemoteEndPoint, out FrontChannel? channel))
        {
            context.Events.Add(
                channel.Connection.Id, CloudEventKind.MqttConnected, args.ClientId,
                $"CONNACK sent ({args.ProtocolVersion}); keep-alive requested {channel.RequestedKeepAliveSeconds} s, applied "
                + $"{channel.EffectiveKeepAlive.TotalSeconds:0.#} s");
        }

        return Task.CompletedTask;
    }

    private Task OnClientDisconnected(ClientDisconnectedEventArgs args)
    {
        FrontChannel? channel = byEndpoint.GetValueOrDefault(args.RemoteEndPoint);
        if (args.DisconnectType == MqttClientDisconnectType.Takeover)
        {
            FrontChannel? newer = byClientId.GetValueOrDefault(args.ClientId);
            string reason = $"client ID '{args.ClientId}' connected again on #{newer?.Connection.Id}: the older connection #{channel?.Connection.Id} is closed";
            if (channel is null || !channel.Close(CloudEventKind.DuplicateClientId, reason))
            {
                context.Events.Add(channel?.Connection.Id ?? 0, CloudEventKind.DuplicateClientId, args.ClientId, reason);
            }
        }

        else
        {
            leftAt[args.ClientId] = context.Now;
        }

        context.Events.Add(channel?.Connection.Id ?? 0, CloudEventKind.MqttDisconnected, args.ClientId, $"session ended ({args.DisconnectType})");
        return Task.CompletedTask;
    }

    private Task OnInboundPacket(InterceptingPacketEventArgs args)
    {
        string? ignored = args.Packet switch
        {
            MqttPublishPacket { QualityOfServiceLevel: MqttQualityOfServiceLevel.ExactlyOnce } publish
                => $"QoS 2 PUBLISH to '{publish.Topic}' ignored without PUBREC (AWS IoT supports QoS 0 and 1)",
            MqttSubscribePacket subscribe when subscribe.TopicFilters.Any(f => f.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
                => $"SUBSCRIBE at QoS 2 ({string.Join(", ", subscribe.TopicFilters.Select(f => f.Topic))}) ignored without SUBACK",
            _ => null,
        };
        if (ignored is not null)
        {
            args.ProcessPacket = false;
            long id = byEndpoint.TryGetValue(args.RemoteEndPoint, out FrontChannel? channel) ? channel.Connection.Id : 0;
            context.Events.Add(id, CloudEventKind.NotAcknowledged, args.ClientId, ignored);
        }

        return Task.CompletedTask;
    }

    private Task OnPublish(InterceptingPublishEventArgs args)
    {
        MqttApplicationMessage message = args.ApplicationMessage;
        bool fromHttp = args.SessionItems?.Contains(HttpConnectionKey) == true;
        FrontChannel? channel = fromHttp ? null : byClientId.GetValueOrDefault(args.ClientId);
        long id = fromHttp ? (long)args.SessionItems![HttpConnectionKey]! : channel?.Connection.Id ?? 0;
        PolicyRefusal? refusal = policy.CheckPublish(args.ClientId, message.Topic, message.Payload.Length, message.Retain);
        if (refusal is not null)
        {
            args.ProcessPublish = false;
            args.CloseConnection = !fromHttp;
            if (channel is null || !channel.Close(refusal.Kind, refusal.Reason + "; connection closed"))
            {
                context.Events.Add(id, refusal.Kind, args.ClientId, refusal.Reason);
            }

            return Task.CompletedTask;
        }

        context.Events.Add(
            id, CloudEventKind.MessagePublished, args.ClientId,
            $"'{message.Topic}' {message.Payload.Length} bytes QoS {(int)message.QualityOfServiceLevel} via {(fromHttp ? "HTTPS" : "MQTT")}");
        context.Messages.Add(new PublishedMessage(
            context.Now, args.ClientId, message.Topic, message.Payload.ToArray(), (int)message.QualityOfServiceLevel, message.Dup, fromHttp));
        return Task.CompletedTask;
    }

    private Task OnSubscription(InterceptingSubscriptionEventArgs args)
    {
        FrontChannel? channel = byClientId.GetValueOrDefault(args.ClientId);
        PolicyRefusal? refusal = policy.CheckSubscribe(args.ClientId, args.TopicFilter.Topic);
        if (refusal is not null)
        {
            args.ProcessSubscription = false;
            args.CloseConnection = true;
            if (channel is null || !channel.Close(refusal.Kind, refusal.Reason + "; connection closed without SUBACK"))
            {
                context.Events.Add(0, refusal.Kind, args.ClientId, refusal.Reason);
            }

            return Task.CompletedTask;
        }

        context.Events.Add(
            channel?.Connection.Id ?? 0, CloudEventKind.Subscribed, args.ClientId,
            $"'{args.TopicFilter.Topic}' QoS {(int)args.TopicFilter.QualityOfServiceLevel}");
        return Task.CompletedTask;
    }

    private Task OnEnqueued(ApplicationMessageEnqueuedEventArgs args)
    {
        long id = byClientId.TryGetValue(args.ReceiverClientId, out FrontChannel? channel) ? channel.Connection.Id : 0;
        context.Events.Add(
            id, CloudEventKind.MessageDelivered, args.ReceiverClientId,
            $"'{args.ApplicationMessage.Topic}' from {args.SenderClientId} {(args.IsDropped ? "dropped (queue full)" : "queued")}");
        return Task.CompletedTask;
    }
}
