using CellularIot.Cloud.Session;
using CellularIot.Cloud.Token;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>From power-up to the first MQTT session through 1NCE onboarding, and the onboarding API's refusals.</summary>
public sealed class OnboardingTests
{
    [Theory]
    [InlineData(Transport.MqttTls, "Username,IotCoreEndpointUrl,ClientId,AmazonRootCaUrl")]
    [InlineData(Transport.MqttTls, "AmazonRootCaUrl,ClientId,IotCoreEndpointUrl,Username")]
    [InlineData(Transport.MqttTls, "ClientId,Username,AmazonRootCaUrl,IotCoreEndpointUrl")]
    [InlineData(Transport.WebSocket, "Username,IotCoreEndpointUrl,ClientId,AmazonRootCaUrl")]
    [InlineData(Transport.WebSocket, "IotCoreEndpointUrl,AmazonRootCaUrl,Username,ClientId")]
    [InlineData(Transport.WebSocket, "ClientId,AmazonRootCaUrl,IotCoreEndpointUrl,Username")]
    public async Task OnboardsThroughCsvInAnyColumnOrderAndConnects(Transport transport, string columns)
    {
        OnboardingField[] order = [.. columns.Split(',').Select(Enum.Parse<OnboardingField>)];
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport, CsvColumns = order });

        rig.RunUntilOnline();

        Assert.Equal(rig.ExpectedTransportName, rig.Session.TransportName);
        Assert.Equal(rig.Iccid, rig.Session.Iccid);
        Assert.Equal(1, rig.Session.Onboardings);
        Assert.Equal(1, rig.Session.Connections);
        CloudEvent served = Assert.Single(rig.Events(CloudEventKind.OnboardingServed));
        Assert.StartsWith("200 CSV", served.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Events(CloudEventKind.OnboardingRefused));

        // The login the device keeps is the cloud's, whatever the column order, and it is stored for the next boot.
        OnboardingResponse issued = rig.Cloud.IssueCredentials(rig.Iccid);
        TokenRecord? stored = new TokenStore(rig.Store).Load();
        Assert.NotNull(stored);
        Assert.Equal(rig.Cloud.IotHost, stored.Credentials.EndpointHost);
        Assert.Equal(rig.Iccid, stored.Credentials.ClientId);
        Assert.Equal(issued.AmazonRootCaUrl, stored.Credentials.AmazonRootCaUrl);
        Assert.Equal(stored.Credentials.Username, rig.Tokens.Current.Credentials.Username);
        Assert.True(rig.Tokens.Lifetime.ExpiryFromJwt);

        // The broker took the login and the subscription; the connection is the transport asked for.
        Assert.Contains(rig.Events(CloudEventKind.AuthAccepted), e => e.ClientId == rig.Iccid);
        await rig.WaitForEventAsync(e => e.Kind == CloudEventKind.Subscribed && e.Message.StartsWith("'" + rig.Iccid + "/commands/#'", StringComparison.Ordinal));
        ConnectionStats mqtt = Assert.Single(rig.IotConnections());
        Assert.Equal(transport == Transport.MqttTls ? ConnectionProtocol.Mqtt : ConnectionProtocol.MqttOverWebSocket, mqtt.Protocol);
        Assert.Equal(transport == Transport.MqttTls ? "mqtt" : null, mqtt.Alpn);
        Assert.Equal(rig.SimAddress, mqtt.Remote.Address);
        rig.AssertHealthy();
    }

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task AnInactiveSimIsReportedAndWaitsLongWithoutConnecting(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport, SimActive = false });

        rig.RunUntil(() => rig.Session.State == SessionState.Waiting && rig.Session.Iccid is not null, "the session to give up on onboarding");
        rig.RunFor(1000);

        // One request, a 404, a long wait reported as the SIM being inactive, and never a connection to IoT Core.
        Assert.Equal(SessionState.Waiting, rig.Session.State);
        string waiting = Assert.Single(rig.Recorder.DetailsOf(SessionState.Waiting));
        Assert.Contains("the SIM is not active at 1NCE", waiting, StringComparison.Ordinal);
        int seconds = int.Parse(waiting[(waiting.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..^2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, Fast.SimInactiveDelayMs * 3 / 4 / 1000, Fast.SimInactiveDelayMs / 1000);
        Assert.True(rig.Log.Contains("SIM not active or unknown to 1NCE (404"), "the log names the 404");
        CloudEvent refused = Assert.Single(rig.Events(CloudEventKind.OnboardingRefused));
        Assert.StartsWith("404 ", refused.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Events(CloudEventKind.OnboardingServed));
        Assert.Empty(rig.IotConnections());
        Assert.Single(rig.Simulator.Sockets);
        Assert.Equal(0, rig.Session.Onboardings);
        Assert.Equal(0, rig.Session.Connections);
        Assert.Null(rig.Tokens.Current);
        rig.AssertHealthy();
    }

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task ServerErrorsAreRetriedWithBackoffUntilOnboardingSucceeds(Transport transport)
    {
        // The faults hit every SIM of a cloud: this test has one of its own.
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport, OwnCloud = true });
        rig.Cloud.Faults.FailNext(2, 503);

        rig.RunUntilOnline();

        Assert.Equal(1, rig.Session.Onboardings);
        Assert.Equal(1, rig.Session.Connections);
        Assert.Equal(rig.ExpectedTransportName, rig.Session.TransportName);
        IReadOnlyList<CloudEvent> refused = rig.Events(CloudEventKind.OnboardingRefused);
        Assert.Equal(2, refused.Count);
        Assert.All(refused, e => Assert.StartsWith("503 ", e.Message, StringComparison.Ordinal));
        CloudEvent served = Assert.Single(rig.Events(CloudEventKind.OnboardingServed));
        string[] waits = [.. rig.Recorder.DetailsOf(SessionState.Waiting).Where(d => d.Contains("503", StringComparison.Ordinal))];
        Assert.Equal(2, waits.Length);

        // The waits double (200 ms, then 400 ms), each shortened by at most the 25 % jitter: as the session planned
        // them, and as the cloud saw them (never sooner; a busy machine may make them later).
        Assert.InRange(PlannedWaitMs(waits[0]), 150, 200);
        Assert.InRange(PlannedWaitMs(waits[1]), 300, 400);
        TimeSpan first = refused[1].Time - refused[0].Time;
        TimeSpan second = served.Time - refused[1].Time;
        Assert.True(first >= TimeSpan.FromMilliseconds(150), $"first retry after {first.TotalMilliseconds} ms");
        Assert.True(second >= TimeSpan.FromMilliseconds(300), $"second retry after {second.TotalMilliseconds} ms");
        rig.AssertHealthy();
    }

    // "no login (...); next: login in 181 ms" -> 181
    private static int PlannedWaitMs(string detail)
    {
        int at = detail.LastIndexOf(" in ", StringComparison.Ordinal) + 4;
        return int.Parse(detail[at..detail.IndexOf(" ms", at, StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
