using System.Net.Security;
using System.Text.Encodings.Web;
using System.Text.Json;
using CellularIot.CloudSim.Auth;
using CellularIot.CloudSim.Http;
using CellularIot.CloudSim.Tls;

namespace CellularIot.CloudSim.Onboarding;

/// <summary>
/// 1NCE's <c>GET /device-api/onboarding/mqtt/tokens</c>: the SIM is the connection's source address; JSON by
/// default, one CSV line for <c>Accept: text/csv</c>; 400 for a malformed request (a Range header included, which
/// the seed says is not supported), 404 for an unknown or inactive SIM, injected 500/503.
/// </summary>
internal sealed class OnboardingApi(CloudContext context, SimRegistry sims, OnboardingFaults faults, TokenIssuer issuer)
{
    public const string Path = "/device-api/onboarding/mqtt/tokens";

    private const int MaxRequestsPerConnection = 100;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ServeAsync(ConnectionRecord connection, SslStream tls, CancellationToken cancellationToken)
    {
        connection.SetProtocol(ConnectionProtocol.Https);
        var reader = new HttpRequestReader(tls, maxBodyBytes: 0);
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
                    context.Events.Add(connection.Id, CloudEventKind.ProtocolViolation, null, e.Message + ": not HTTP, dropped unanswered");
                    connection.Close("not HTTP", context.Now);
                    return;
                }
                catch (HttpFormatException e)
                {
                    Refuse(connection, null, 400, e.Message);
                    await WriteErrorAsync(tls, 400, e.Message, close: true, cancellationToken).ConfigureAwait(false);
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

            bool close = request.WantsClose;
            (int status, bool keepOpen) = await AnswerAsync(connection, tls, request, close, cancellationToken).ConfigureAwait(false);
            if (close || !keepOpen)
            {
                connection.Close(close ? "client asked to close" : $"closed after {status}", context.Now);
                return;
            }
        }

        connection.Close($"{MaxRequestsPerConnection} requests on one connection", context.Now);
    }

    private async Task<(int Status, bool KeepOpen)> AnswerAsync(
        ConnectionRecord connection, SslStream tls, HttpRequest request, bool close, CancellationToken cancellationToken)
    {
        SimCard? sim = sims.FindByAddress(connection.Remote.Address);
        string? malformed = CheckRequest(request, out bool csv);
        if (malformed is not null)
        {
            Refuse(connection, sim?.Iccid, 400, malformed);
            await WriteErrorAsync(tls, 400, malformed, close, cancellationToken).ConfigureAwait(false);
            return (400, true);
        }

        if (faults.TryTake(out int injected))
        {
            Refuse(connection, sim?.Iccid, injected, "injected fault");
            await WriteErrorAsync(tls, injected, "injected fault", close, cancellationToken).ConfigureAwait(false);
            return (injected, true);
        }

        if (sim is null || !sim.Active)
        {
            string reason = sim is null
                ? $"no SIM is known at source address {connection.Remote.Address}"
                : $"SIM {sim.Iccid} is not active";
            Refuse(connection, sim?.Iccid, 404, reason);
            await WriteErrorAsync(tls, 404, reason, close, cancellationToken).ConfigureAwait(false);
            return (404, true);
        }

        connection.SetClientId(sim.Iccid);
        OnboardingResponse answer = issuer.Issue(sim.Iccid);
        string body = csv ? answer.ToCsv(context.Options.CsvColumns) : answer.ToJson();
        string contentType = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        await HttpResponse.WriteAsync(tls, 200, contentType, body, close, context.Now, null, cancellationToken).ConfigureAwait(false);
        context.Events.Add(
            connection.Id, CloudEventKind.OnboardingServed, sim.Iccid,
            $"200 {(csv ? "CSV" : "JSON")} for SIM at {connection.Remote.Address}, token valid {context.Options.TokenLifetime}");
        return (200, true);
    }

    /// <summary>Null for a well-formed request, else why it is a 400; <paramref name="csv"/> says which format was asked.</summary>
    private string? CheckRequest(HttpRequest request, out bool csv)
    {
        csv = false;
        if (request.Method != "GET")
        {
            return $"method {request.Method} is not supported (GET only)";
        }

        if (!HttpResponse.HostMatches(request.Header("Host"), context.Options.OnboardingHost))
        {
            return $"Host header '{request.Header("Host")}' does not name {context.Options.OnboardingHost}";
        }

        if (request.Path != Path)
        {
            return $"unknown path '{request.Path}' (expected {Path})";
        }

        if (request.Query is not null)
        {
            return "this endpoint takes no query string";
        }

        if (request.Header("Range") is not null)
        {
            return "Range requests are not supported";
        }

        string? accept = request.Header("Accept");
        if (accept is null)
        {
            return null;
        }

        foreach (string range in accept.Split(','))
        {
            string mediaType = range.Split(';')[0].Trim().ToLowerInvariant();
            switch (mediaType)
            {
                case "text/csv":
                    csv = true;
                    return null;
                case "application/json" or "application/*" or "*/*":
                    return null;
            }
        }

        return $"Accept '{accept}' is not supported (application/json or text/csv)";
    }

    private void Refuse(ConnectionRecord connection, string? iccid, int status, string reason)
        => context.Events.Add(connection.Id, CloudEventKind.OnboardingRefused, iccid, $"{status} from {connection.Remote.Address}: {reason}");

    private async Task WriteErrorAsync(SslStream tls, int status, string detail, bool close, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("statusText", status switch
            {
                400 => "Bad Request",
                404 => "Not Found",
                500 => "Internal Server Error",
                _ => "Service Unavailable",
            });
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", detail);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        string body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        await HttpResponse.WriteAsync(tls, status, "application/json; charset=utf-8", body, close, context.Now, null, cancellationToken)
            .ConfigureAwait(false);
    }
}
