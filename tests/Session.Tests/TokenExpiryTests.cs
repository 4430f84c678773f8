using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>
/// Short-lived tokens while QoS 1 telemetry flows without pause: a refresh ahead of expiry, and the broker's drop at
/// expiry when every refresh fails. Each accepted message must reach the broker (repeats allowed).
/// </summary>
public sealed class TokenExpiryTests
{
    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task ARefreshAheadOfExpiryLosesNoQos1Message(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup
        {
            Transport = transport,
            TokenLifetime = TimeSpan.FromSeconds(6),
            Session = s => s.Token.RefreshFraction = 0.5,
        });
        var publisher = new SequencePublisher(rig);
        rig.RunUntilOnline();
        int beforeRefresh = 0;

        rig.RunUntil(
            () => rig.Session.Onboardings == 2 && rig.Session.IsOnline && publisher.Published >= beforeRefresh + 10,
            "a refresh with messages before and after it",
            timeoutMs: 15_000,
            eachStep: () =>
            {
                publisher.Step();
                if (rig.Session.Onboardings == 1)
                {
                    beforeRefresh = publisher.Published;
                }
            });
        publisher.Drain();

        Assert.True(beforeRefresh >= 10, $"only {beforeRefresh} messages before the refresh");
        Assert.Contains("login refreshed ahead of expiry", rig.Recorder.DetailsOf(SessionState.Connecting));
        Assert.Equal(2, rig.Session.Connections);
        Assert.Equal(2, rig.Events(CloudEventKind.OnboardingServed).Count);
        Assert.Empty(rig.Events(CloudEventKind.TokenExpired));
        publisher.AssertEveryMessageArrived();
    }

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task TheBrokersDropAtExpiryLosesNoQos1Message(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup
        {
            Transport = transport,
            TokenLifetime = TimeSpan.FromSeconds(4),
            Session = s => s.Token.RefreshFraction = 0.5,
        });
        var publisher = new SequencePublisher(rig);
        rig.RunUntilOnline();

        // Every refresh fails until the broker has dropped the connection at the token's expiry.
        rig.Cloud.Faults.FailNext(100_000, 503);
        int beforeExpiry = 0;
        rig.RunUntil(
            () => rig.Session.Onboardings == 2 && rig.Session.IsOnline && publisher.Published >= beforeExpiry + 10,
            "the drop at expiry, onboarding again and messages after it",
            timeoutMs: 15_000,
            eachStep: () =>
            {
                publisher.Step();
                if (rig.Cloud.Faults.Pending > 0 && rig.Events(CloudEventKind.TokenExpired).Count > 0)
                {
                    rig.Cloud.Faults.Clear();
                    beforeExpiry = publisher.Published;
                }
            });
        publisher.Drain();

        Assert.True(beforeExpiry >= 10, $"only {beforeExpiry} messages before the expiry");
        CloudEvent expired = Assert.Single(rig.Events(CloudEventKind.TokenExpired));
        Assert.Equal(SessionRig.Iccid, expired.ClientId);
        Assert.Contains(rig.Events(CloudEventKind.OnboardingRefused), e => e.Message.StartsWith("503 ", StringComparison.Ordinal));
        Assert.True(rig.Log.Contains("login refresh failed"), "the failed refreshes are logged");
        Assert.True(rig.Session.ConnectionsLost >= 1);
        publisher.AssertEveryMessageArrived();
    }

    // Stops publishing and steps until the broker has acknowledged everything.
}
