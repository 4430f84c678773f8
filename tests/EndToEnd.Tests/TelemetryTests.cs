using CellularIot.EndToEnd.Tests.Support;
using CellularIot.ModemSim;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

public sealed class TelemetryTests
{
    [Theory]
    [InlineData(ModemModel.Sim7080, false, "MQTT over WebSocket")]
    [InlineData(ModemModel.Sim7080, true, "MQTT over TLS (ALPN mqtt)")]
    [InlineData(ModemModel.Bg95, false, "MQTT over WebSocket")]
    [InlineData(ModemModel.Bg95, true, "MQTT over TLS (ALPN mqtt)")]
    [InlineData(ModemModel.Bg96, true, "MQTT over TLS (ALPN mqtt)")]
    public async Task BootsOnboardsAndDeliversAcknowledgedTelemetry(ModemModel model, bool modemAlpn, string transport)
    {
        const int Messages = 5;
        await using Rig rig = await Rig.StartAsync(modemAlpn, model: model);

        rig.RunUntilAcknowledged(Messages);

        Assert.Equal(transport, rig.Session.TransportName);
        Assert.Equal(rig.World.Iccid, rig.Session.Iccid);
        Assert.Equal(1, rig.Session.Onboardings);
        Assert.Equal(1, rig.Session.Connections);
        Assert.Equal(0, rig.Session.ConnectionsLost);
        Assert.Equal(Messages, rig.Runner.ReadingsDelivered);
        Assert.True(rig.Runner.FirstDeliveryMs > 0);

        // Every message the cloud got is a JSON array of readings; one reading each (batch 1), seq 1, 2, 3, ... in order.
        IReadOnlyList<long[]> messages = rig.Telemetry;
        Assert.True(messages.Count >= Messages, $"the cloud got {messages.Count} telemetry messages");
        Assert.All(messages, m => Assert.Single(m));
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(i => (long)i), Support.Telemetry.Flatten(messages));
        Assert.All(rig.World.ReceivedOn("telemetry"), m => Assert.Equal(1, m.Qos));
    }
}
