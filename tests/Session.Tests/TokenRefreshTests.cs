using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>
/// A short-lived token refreshed ahead of its expiry while QoS 1 telemetry flows without pause: the session fetches a
/// new login on a second socket, reconnects with it, and every accepted message reaches the broker (repeats allowed).
/// </summary>
public sealed class TokenRefreshTests
{
    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task ARefreshAheadOfExpiryLosesNoQos1Message(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup
        {
            Transport = transport,
            TokenLifetime = TimeSpan.FromSeconds(8),
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
}
