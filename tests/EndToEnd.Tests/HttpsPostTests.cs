using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.EndToEnd.Tests.Support;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>The firmware publishing with HTTPS POST (<c>transport=https-post</c>) to the simulated IoT Core.</summary>
public sealed class HttpsPostTests
{
    [Fact]
    public async Task ReadingsArePostedOverOneKeptConnectionAndAcknowledged()
    {
        const int Messages = 5;
        await using Rig rig = await Rig.StartAsync(transport: TransportChoice.HttpsPost);

        rig.RunUntilAcknowledged(Messages);

        Assert.Equal("HTTPS POST", rig.Session.TransportName);
        Assert.Equal(1, rig.Session.Onboardings);
        Assert.Equal(0, rig.Session.ConnectionsLost);
        IReadOnlyList<PublishedMessage> posted = rig.World.ReceivedOn("telemetry");
        Assert.All(posted, m => Assert.True(m.ViaHttps));
        Assert.All(posted, m => Assert.Equal(1, m.Qos));
        Assert.Equal(Enumerable.Range(1, posted.Count).Select(i => (long)i), Telemetry.Flatten(rig.Telemetry));

        // A reading a second: the connection stays open from post to post (one handshake for all of them).
        ConnectionStats kept = Assert.Single(rig.World.Cloud.Connections, c => c.Service == CloudService.IotCore);
        Assert.Equal((ConnectionProtocol.Https, null), (kept.Protocol, kept.Alpn));
    }

    [Fact]
    public async Task ABatchAboveThePayloadLimitIsSplitAndEveryReadingArrivesOnce()
    {
        // Three readings take about 190 bytes, over the 150 this IoT Core takes: 413, then halves that fit.
        await using Rig rig = await Rig.StartAsync(transport: TransportChoice.HttpsPost, batchSize: 3, maxPayloadBytes: 150);

        rig.RunUntil(() => rig.Runner.ReadingsDelivered >= 6, "two batches of three readings delivered", seconds: 60);

        Assert.Contains(rig.World.Cloud.Events.Snapshot(), e => e.Kind == CloudEventKind.HttpRefused && e.Message.StartsWith("413", StringComparison.Ordinal));
        IReadOnlyList<long> arrived = Telemetry.Flatten(rig.Telemetry);
        Assert.Equal(arrived.Distinct().Count(), arrived.Count);
        Assert.Equal(Enumerable.Range(1, arrived.Count).Select(i => (long)i), arrived);
        Assert.Equal(0, rig.Runner.BacklogDropped);
    }
}
