using CellularIot.Cloud.Mqtt;
using CellularIot.Host;
using MQTTnet.Protocol;
using Xunit;

namespace CellularIot.Mqtt.Tests;

/// <summary>The firmware's MQTT client against a real broker, over TLS (SNI, ALPN "mqtt", a test CA) and plain TCP.</summary>
public sealed class MqttOverBrokerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConnectsOverTlsWithSniAndAlpnMqtt()
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var broker = await TestBroker.StartAsync();
        await using var front = TlsFront.Start(certificates.Server, broker.Port);
        using var device = new DeviceClient(new SystemClock());

        ConnectResult result = await device.ConnectAsync(front.Port, certificates);

        Assert.True(result.IsAccepted, result.Detail);
        Assert.Equal("mqtt", device.Transport!.NegotiatedAlpn);
        var handshake = Assert.Single(front.WaitForHandshakes(1));
        Assert.Equal("broker.test", handshake.Sni);
        Assert.Equal("mqtt", handshake.Alpn);
        var connect = Assert.Single(broker.Connects);
        Assert.Equal(DeviceClient.Iccid, connect.ClientId);
        Assert.Equal(DeviceClient.Username, connect.UserName);
        Assert.True(connect.CleanSession);
        Assert.Equal(300, connect.KeepAlive);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SubscribesAndRoundTripsQos0AndQos1(bool overTls)
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var broker = await TestBroker.StartAsync();
        await using var front = TlsFront.Start(certificates.Server, broker.Port);
        using var device = new DeviceClient(new SystemClock());
        ConnectResult result = overTls ? await device.ConnectAsync(front.Port, certificates) : await device.ConnectAsync(broker.Port, null);
        Assert.True(result.IsAccepted, result.Detail);

        SubscribeResult subscribed = await Task.Run(() => device.Client.Subscribe([DeviceClient.Topic("echo/#")], 1), TestContext.Current.CancellationToken);
        Assert.True(subscribed.AllGranted);
        Assert.Equal(SubscribeReturnCode.GrantedQos1, subscribed.GetCode(0));

        Assert.Equal(0, device.Publish("echo/zero", "at most once", 0));
        int id = device.Publish("echo/one", "at least once", 1);
        Assert.NotEqual(0, id);

        // The broker acknowledges the QoS 1 PUBLISH (PUBACK) ...
        Assert.True(device.Delivered.TryTake(out int delivered, Wait));
        Assert.Equal(id, delivered);
        Assert.Equal(0, device.Client.InFlightCount);

        // ... and routes both back to the device's subscription; the device acknowledges the QoS 1 copy.
        var received = new[] { Take(device), Take(device) }.OrderBy(m => m.Topic, StringComparer.Ordinal).ToArray();
        Assert.Equal((DeviceClient.Topic("echo/one"), "at least once", 1, false), received[0]);
        Assert.Equal((DeviceClient.Topic("echo/zero"), "at most once", 0, false), received[1]);
        await Eventually(() => broker.AcknowledgedByClient.Contains(DeviceClient.Topic("echo/one")));
    }

    [Fact]
    public async Task ReceivesWhatAnotherClientSends()
    {
        await using var broker = await TestBroker.StartAsync();
        using var device = new DeviceClient(new SystemClock());
        Assert.True((await device.ConnectAsync(broker.Port, null)).IsAccepted);
        await Task.Run(() => device.Client.Subscribe([DeviceClient.Topic("cmd/+")], 1), TestContext.Current.CancellationToken);

        await broker.InjectAsync(DeviceClient.Topic("cmd/led"), "on", MqttQualityOfServiceLevel.AtLeastOnce);

        Assert.Equal((DeviceClient.Topic("cmd/led"), "on", 1, false), Take(device));
        await Eventually(() => broker.AcknowledgedByClient.Contains(DeviceClient.Topic("cmd/led")));
    }

    [Fact]
    public async Task ResendsTheUnacknowledgedMessageWithDupAfterTheBrokerDisconnects()
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var broker = await TestBroker.StartAsync();
        await using var front = TlsFront.Start(certificates.Server, broker.Port);
        using var device = new DeviceClient(new SystemClock());
        Assert.True((await device.ConnectAsync(front.Port, certificates)).IsAccepted);

        // The broker sees the PUBLISH but never acknowledges it, then throws the device out.
        broker.DropNextPublish();
        int id = device.Publish("data", "must arrive", 1);
        await Eventually(() => broker.InboundPublishes.Count == 1);
        Assert.Equal(1, device.Client.InFlightCount);
        await broker.DisconnectAsync(DeviceClient.Iccid);
        Assert.True(device.Losses.TryTake(out var loss, Wait));
        Assert.Equal(ConnectionLossReason.TransportClosed, loss.Reason);
        Assert.False(device.Client.IsConnected);

        // The session reconnects; the client sends the message again with DUP and the same id.
        Assert.True((await device.ConnectAsync(front.Port, certificates)).IsAccepted, loss.Detail);
        Assert.True(device.Delivered.TryTake(out int delivered, Wait));
        Assert.Equal(id, delivered);
        Assert.Equal(0, device.Client.InFlightCount);

        var publishes = broker.InboundPublishes.ToArray();
        Assert.Equal(2, publishes.Length);
        Assert.False(publishes[0].Dup);
        Assert.True(publishes[1].Dup);
        Assert.Equal(id, publishes[1].PacketId);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, publishes[1].Qos);
        var processed = Assert.Single(broker.Processed);
        Assert.Equal("must arrive", System.Text.Encoding.UTF8.GetString(processed.Payload));
        Assert.Equal(2, front.WaitForHandshakes(2).Count);
    }

    [Fact]
    public async Task PingsOnTheKeepAliveAndStaysConnected()
    {
        await using var broker = await TestBroker.StartAsync();

        // 100x time: the 30 s keep-alive (AWS's minimum) is 0.3 s of real time.
        var clock = new ScaledClock(100);
        using var device = new DeviceClient(clock, s =>
        {
            s.KeepAliveSeconds = 30;
            s.PingTimeoutMs = 500000;
        });
        Assert.True((await device.ConnectAsync(broker.Port, null)).IsAccepted);

        await Eventually(() => broker.Pings >= 3);

        Assert.True(device.Client.IsConnected);
        Assert.Empty(device.Losses);
        Assert.Equal(30, Assert.Single(broker.Connects).KeepAlive);
    }

    [Fact]
    public async Task ABrokerRefusalIsATypedAuthFailure()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.RefuseWith = MqttConnectReasonCode.NotAuthorized;
        using var device = new DeviceClient(new SystemClock());

        ConnectResult result = await device.ConnectAsync(broker.Port, null);

        Assert.Equal(ConnectOutcome.NotAuthorized, result.Outcome);
        Assert.True(result.IsAuthFailure);
        Assert.False(device.Client.IsConnected);
    }

    [Fact]
    public async Task AFrontThatClosesBeforeConnackIsReportedDistinctly()
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var broker = await TestBroker.StartAsync();
        await using var front = TlsFront.Start(certificates.Server, broker.Port);
        front.CloseAfterFirstBytes = true;
        using var device = new DeviceClient(new SystemClock());

        ConnectResult result = await device.ConnectAsync(front.Port, certificates);

        Assert.Equal(ConnectOutcome.ClosedBeforeConnack, result.Outcome);
        Assert.True(result.IsPossibleAuthFailure);
    }

    private static (string Topic, string Payload, int Qos, bool Dup) Take(DeviceClient device)
    {
        Assert.True(device.Messages.TryTake(out var message, Wait), "no message arrived");
        return message;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Wait);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token).ConfigureAwait(false);
        }
    }
}
