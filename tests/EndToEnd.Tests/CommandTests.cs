using System.Net;
using System.Text.Json;
using CellularIot.CloudSim;
using CellularIot.EndToEnd.Tests.Support;
using CellularIot.ModemSim;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

public sealed class CommandTests
{
    [Theory]
    [InlineData(ModemModel.Sim7080)]
    [InlineData(ModemModel.Bg95)]
    public async Task CommandsFromTheCloudAreAnsweredAndABadOneDoesNotStopTheDevice(ModemModel model)
    {
        await using Rig rig = await Rig.StartAsync(model: model);
        rig.RunUntilAcknowledged(1);

        await SendAsync(rig, "ping", "{}");
        JsonElement ping = Reply(rig, "ping");
        Assert.True(ping.GetProperty("ok").GetBoolean());
        Assert.Equal("ping", ping.GetProperty("cmd").GetString());
        Assert.True(ping.GetProperty("up").GetInt64() >= 0);

        await SendAsync(rig, "set-interval", """{"seconds":3}""");
        JsonElement interval = Reply(rig, "set-interval");
        Assert.True(interval.GetProperty("ok").GetBoolean());
        Assert.Equal(3, interval.GetProperty("interval").GetInt32());
        Assert.Equal(3, rig.Runner.IntervalSeconds);

        await SendAsync(rig, "status", string.Empty);
        JsonElement status = Reply(rig, "status");
        Assert.True(status.GetProperty("ok").GetBoolean());
        Assert.Equal(3, status.GetProperty("interval").GetInt32());
        Assert.Equal("MQTT over WebSocket", status.GetProperty("transport").GetString());
        Assert.True(status.GetProperty("acked").GetInt32() >= 1);

        // Malformed and unknown commands get an error reply; the device carries on.
        await SendAsync(rig, "set-interval", "{\"seconds\":");
        await SendAsync(rig, "self-destruct", "{}");
        JsonElement malformed = Reply(rig, "set-interval", index: 1);
        Assert.False(malformed.GetProperty("ok").GetBoolean());
        Assert.Contains("JSON", malformed.GetProperty("error").GetString(), StringComparison.Ordinal);
        JsonElement unknown = Reply(rig, "self-destruct");
        Assert.False(unknown.GetProperty("ok").GetBoolean());
        Assert.Contains("unknown command", unknown.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, rig.Runner.IntervalSeconds);

        int acked = rig.Runner.MessagesAcknowledged;
        rig.RunUntilAcknowledged(acked + 1, seconds: 15);
        Assert.Equal(5, rig.Runner.CommandsHandled);
        Assert.Equal(1, rig.Session.Connections);
        Assert.Equal(0, rig.Session.ConnectionsLost);
    }

    [Fact]
    public async Task ACommandSentWhileTheDeviceIsOfflineIsAnsweredOnceWhenItIsBack()
    {
        await using Rig rig = await Rig.StartAsync();

        // Two: the first message goes out with CONNECT ahead of the SUBSCRIBE, so its PUBACK comes before the SUBACK;
        // the second's comes after it, and the device then knows the broker holds its subscription.
        rig.RunUntilAcknowledged(2);

        // The network drops the data context: the sockets close, and the broker sees its client leave.
        rig.World.Modem.Faults.DeactivatePdp();
        rig.Log.Note("data context dropped by the test");
        rig.RunUntil(() => !rig.Session.IsOnline, "the device noticing it is offline");
        await rig.World.Cloud.Events.WaitForAsync(e => e.Kind == CloudEventKind.MqttDisconnected, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The device is not stepped meanwhile, so it cannot come back before the command is sent.
        await SendAsync(rig, "ping", "{}");
        rig.RunUntil(() => rig.Session.Connections >= 2 && rig.World.ReceivedOn("replies/ping").Count >= 1, "the device back and the command answered", seconds: 60);
        int acked = rig.Runner.MessagesAcknowledged;
        rig.RunUntilAcknowledged(acked + 2, seconds: 15);

        Assert.Single(rig.World.ReceivedOn("replies/ping"));
        Assert.Equal(1, rig.Runner.CommandsHandled);
        Assert.True(rig.Log.Contains("session present: yes"), "the broker kept the session");
        Assert.True(rig.Log.Contains("no SUBSCRIBE"), "a kept session is not subscribed again");
    }

    private static async Task SendAsync(Rig rig, string name, string payload)
    {
        HttpStatusCode status = await rig.World.SendCommandAsync(name, payload, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    // Steps the device until the cloud has reply number index on <ICCID>/replies/<name>, and parses it.
    private static JsonElement Reply(Rig rig, string name, int index = 0)
    {
        rig.RunUntil(() => rig.World.ReceivedOn("replies/" + name).Count > index, $"reply #{index + 1} to {name}", seconds: 15);
        using JsonDocument reply = JsonDocument.Parse(rig.World.ReceivedOn("replies/" + name)[index].PayloadText);
        Assert.Equal(name, reply.RootElement.GetProperty("cmd").GetString());
        return reply.RootElement.Clone();
    }
}
