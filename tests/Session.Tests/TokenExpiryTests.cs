using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>
/// A short-lived token whose every refresh fails (503) while QoS 1 telemetry flows without pause: the broker drops the
/// connection at the token's expiry, the session onboards again and reconnects, and every accepted message reaches the
/// broker (repeats allowed).
/// </summary>
public sealed class TokenExpiryTests
{
    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task TheBrokersDropAtExpiryLosesNoQos1Message(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup
        {
            Transport = transport,
            TokenLifetime = TimeSpan.FromSeconds(8),
            Session = s => s.Token.RefreshFraction = 0.25,
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
        Assert.Equal(rig.Iccid, expired.ClientId);
        Assert.Contains(rig.Events(CloudEventKind.OnboardingRefused), e => e.Message.StartsWith("503 ", StringComparison.Ordinal));
        Assert.True(rig.Log.Contains("login refresh failed"), "the failed refreshes are logged");
        Assert.True(rig.Session.Connections >= 2, $"{rig.Session.Connections} connections");
        publisher.AssertEveryMessageArrived();
    }
}
