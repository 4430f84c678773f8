using System.Globalization;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CellularIot.CloudSim.Auth;
using CellularIot.CloudSim.Http;
using CellularIot.CloudSim.Mqtt;
using CellularIot.CloudSim.Tls;
using MQTTnet.Protocol;

namespace CellularIot.CloudSim.IotCore;

/// <summary>
/// The IoT Core data endpoint's single TLS port, routed by ALPN as AWS routes 443: <c>mqtt</c> goes to the broker;
/// no ALPN or <c>http/1.1</c> is HTTPS, serving the MQTT WebSocket upgrade at <c>/mqtt</c> and
/// <c>POST /topics/{topic}</c>. MQTT bytes sent without ALPN <c>mqtt</c> are dropped unanswered.
/// </summary>
internal sealed class IotCoreEndpoint(CloudContext context, MqttBroker broker, CustomAuthorizer authorizer, IotPolicy policy)
{
    public static readonly SslApplicationProtocol MqttAlpn = new("mqtt");

    private const int MaxRequestsPerConnection = 1000;

    public async Task ServeAsync(ConnectionRecord connection, SslStream tls, CancellationToken cancellationToken)
    {
        if (tls.NegotiatedApplicationProtocol == MqttAlpn)
        {
            connection.SetProtocol(ConnectionProtocol.Mqtt);
            await broker.RunAsync(connection, tls, transportCredentials: null).ConfigureAwait(false);
            return;
        }

        connection.SetProtocol(ConnectionProtocol.Https);
        var reader = new HttpRequestReader(tls, context.Options.MaxPayloadBytes);
        for (int served = 0; served < MaxRequestsPerConnection; served++)
        {
            HttpRequest? request;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(context.Options.HttpIdleTimeout);
                try
                {
                    request = await reader.ReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (HttpFormatException e) when (e.NotHttp)
                {
                    context.Events.Add(
                        connection.Id, CloudEventKind.ProtocolViolation, null,
                        $"{e.Message}: MQTT needs ALPN 'mqtt' on this port; without it the bytes are not HTTP and the connection is dropped");
                    connection.Close("non-HTTP bytes without ALPN mqtt", context.Now);
                    return;
                }
                catch (HttpFormatException e)
                {
                    await RefuseAsync(connection, tls, null, e.Status, e.Message, close: true, cancellationToken).ConfigureAwait(false);
                    connection.Close("malformed request: " + e.Message, context.Now);
                    return;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    connection.Close("idle timeout", context.Now);
                    return;
                }
            }

            if (request is null)
            {
                connection.Close("client closed", context.Now);
                return;
            }

            if (request.Method == "GET" && request.Path == "/mqtt")
            {
                await UpgradeAsync(connection, tls, request, cancellationToken).ConfigureAwait(false);
                return;
            }

            bool close = request.WantsClose;
            if (request.Method == "POST" && request.Path.StartsWith("/topics/", StringComparison.Ordinal))
            {
                await PublishAsync(connection, tls, request, close, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RefuseAsync(connection, tls, null, 404, $"no resource {request.Method} {request.Path}", close, cancellationToken).ConfigureAwait(false);
            }

            if (close)
            {
                connection.Close("client asked to close", context.Now);
                return;
            }
        }
    }

    private async Task UpgradeAsync(ConnectionRecord connection, SslStream tls, HttpRequest request, CancellationToken cancellationToken)
    {
        string? key = request.Header("Sec-WebSocket-Key");
        string? problem =
            !HttpResponse.HostMatches(request.Header("Host"), context.Options.IotHost) ? $"Host header '{request.Header("Host")}' does not name the endpoint"
            : !string.Equals(request.Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase) ? "no 'Upgrade: websocket'"
            : request.Header("Connection")?.Contains("upgrade", StringComparison.OrdinalIgnoreCase) != true ? "no 'Connection: Upgrade'"
            : request.Header("Sec-WebSocket-Version") != "13" ? "Sec-WebSocket-Version is not 13"
            : key is null ? "no Sec-WebSocket-Key"
            : request.Header("Sec-WebSocket-Protocol")?.Split(',').Any(p => p.Trim() == "mqtt") != true ? "no 'Sec-WebSocket-Protocol: mqtt'"
            : null;
        if (problem is not null)
        {
            await RefuseAsync(connection, tls, null, 400, "WebSocket upgrade refused: " + problem, close: true, cancellationToken).ConfigureAwait(false);
            connection.Close("WebSocket upgrade refused", context.Now);
            return;
        }

        AuthorizerCredentials? credentials = AuthorizerCredentials.FromHeaders(request.Header)
            ?? AuthorizerCredentials.FromQuery(QueryString.Parse(request.Query));
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for Sec-WebSocket-Accept; it protects nothing here.
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        await HttpResponse.WriteHeadAsync(
            tls,
            101,
            [new("upgrade", "websocket"), new("connection", "Upgrade"), new("sec-websocket-accept", accept), new("sec-websocket-protocol", "mqtt")],
            cancellationToken).ConfigureAwait(false);
        connection.SetProtocol(ConnectionProtocol.MqttOverWebSocket);
        context.Events.Add(
            connection.Id, CloudEventKind.WebSocketUpgraded, null,
            $"MQTT over WebSocket; credentials from the {credentials?.Source ?? "CONNECT username (none with the upgrade)"}");

        WebSocket socket = WebSocket.CreateFromStream(
            tls, new WebSocketCreationOptions { IsServer = true, SubProtocol = "mqtt", KeepAliveInterval = TimeSpan.Zero });
        Stream messages = WebSocketStream.Create(socket, WebSocketMessageType.Binary, ownsWebSocket: true);
        await using (messages.ConfigureAwait(false))
        {
            await broker.RunAsync(connection, messages, credentials).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(ConnectionRecord connection, SslStream tls, HttpRequest request, bool close, CancellationToken cancellationToken)
    {
        string topic = Uri.UnescapeDataString(request.Path["/topics/".Length..]);
        Dictionary<string, string> query = QueryString.Parse(request.Query);
        string? qosText = query.GetValueOrDefault("qos");
        (int status, string? problem) =
            !HttpResponse.HostMatches(request.Header("Host"), context.Options.IotHost) ? (400, $"Host header '{request.Header("Host")}' does not name the endpoint")
            : topic.Length == 0 ? (400, "no topic after /topics/")
            : qosText is not (null or "0" or "1") ? (400, $"qos '{qosText}' is not supported (0 or 1)")
            : (200, null);
        if (problem is not null)
        {
            await RefuseAsync(connection, tls, null, status, problem, close, cancellationToken).ConfigureAwait(false);
            return;
        }

        AuthorizerCredentials? credentials = AuthorizerCredentials.FromQuery(query) ?? AuthorizerCredentials.FromHeaders(request.Header);
        AuthorizerDecision decision = authorizer.Authorize(credentials, clientId: null);
        if (!decision.Allowed)
        {
            await RefuseAsync(connection, tls, null, 401, "custom authorizer refused: " + decision.Reason, close, cancellationToken).ConfigureAwait(false);
            return;
        }

        string iccid = decision.Iccid!;
        connection.SetClientId(iccid);
        bool retain = string.Equals(query.GetValueOrDefault("retain"), "true", StringComparison.OrdinalIgnoreCase);
        PolicyRefusal? refusal = policy.CheckPublish(iccid, topic, request.Body.Length, retain);
        if (refusal is not null)
        {
            int code = refusal.Kind == CloudEventKind.PolicyViolation ? 403 : 400;
            await RefuseAsync(connection, tls, iccid, code, refusal.Reason, close, cancellationToken).ConfigureAwait(false);
            return;
        }

        MqttQualityOfServiceLevel qos = qosText == "1" ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;
        await broker.PublishAsync(connection.Id, iccid, topic, request.Body, qos, cancellationToken).ConfigureAwait(false);
        string traceId = Guid.NewGuid().ToString();
        context.Events.Add(connection.Id, CloudEventKind.HttpPublished, iccid, $"POST '{topic}' {request.Body.Length} bytes QoS {(int)qos}");
        await HttpResponse.WriteAsync(
            tls, 200, "application/json", Json(("message", "OK"), ("traceId", traceId)), close, context.Now,
            [new("x-amzn-RequestId", traceId)], cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseAsync(
        ConnectionRecord connection, SslStream tls, string? iccid, int status, string reason, bool close, CancellationToken cancellationToken)
    {
        context.Events.Add(connection.Id, CloudEventKind.HttpRefused, iccid, $"{status}: {reason}");
        string message = status switch
        {
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            413 => "Payload Too Large",
            _ => reason,
        };
        string traceId = Guid.NewGuid().ToString();
        await HttpResponse.WriteAsync(
            tls, status, "application/json", Json(("message", message), ("traceId", traceId)), close, context.Now,
            [new("x-amzn-RequestId", traceId)], cancellationToken).ConfigureAwait(false);
    }

    private static string Json(params (string Name, string Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach ((string name, string value) in fields)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
