using System.Text;
using CellularIot.CloudSim.Tests.Support;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class MqttPolicyTests
{
    private const byte PubAck = 0x40;
    private const byte SubAck = 0x90;

    [Fact]
    public async Task PublishToAnotherIccidPrefixClosesTheConnectionWithoutPuback()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await ConnectAsync(cloud);

        await Assert.ThrowsAnyAsync<Exception>(() => PublishAsync(session, TestCloud.Iccid + "X/a", "x"));

        await session.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());
        Assert.DoesNotContain(PubAck, session.InboundPacketTypes);
        CloudEvent violation = await cloud.WaitForEventAsync(CloudEventKind.PolicyViolation, TestCloud.Iccid);
        Assert.Contains($"'{TestCloud.Iccid}X/a' refused", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("+/data")]
    [InlineData("8988228066600000002/#")]
    public async Task SubscribeOutsideTheIccidClosesTheConnectionWithoutSuback(string filter)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await ConnectAsync(cloud);

        await Assert.ThrowsAnyAsync<Exception>(
            () => session.Client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, TestCloud.Bounded()));

        await session.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());
        Assert.DoesNotContain(SubAck, session.InboundPacketTypes);
        Assert.Contains($"subscribe to '{filter}' refused", (await cloud.WaitForEventAsync(CloudEventKind.PolicyViolation, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qos2PublishGetsNoAcknowledgementAndIsNotRouted()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await ConnectAsync(cloud);
        await session.Client.SubscribeAsync(TestCloud.Iccid + "/#", MqttQualityOfServiceLevel.AtLeastOnce, TestCloud.Bounded());

        await Assert.ThrowsAsync<MqttCommunicationTimedOutException>(
            () => PublishAsync(session, TestCloud.Iccid + "/q2", "x", MqttQualityOfServiceLevel.ExactlyOnce, TestCloud.Bounded(TimeSpan.FromSeconds(2))));

        Assert.DoesNotContain(session.InboundPacketTypes, type => type >> 4 == 5);
        Assert.Null(await session.NextMessageAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Contains("QoS 2 PUBLISH", (await cloud.WaitForEventAsync(CloudEventKind.NotAcknowledged, TestCloud.Iccid)).Message, StringComparison.Ordinal);

        // The connection stays up: AWS ignores the packet, it does not close.
        Assert.True(session.Client.IsConnected);
        Assert.True((await PublishAsync(session, TestCloud.Iccid + "/q1", "y")).IsSuccess);
        Assert.Equal(TestCloud.Iccid + "/q1", (await session.NextMessageAsync(TestCloud.Wait))?.Topic);
    }

    [Fact]
    public async Task Qos2SubscribeGetsNoSuback()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await ConnectAsync(cloud);

        await Assert.ThrowsAsync<MqttCommunicationTimedOutException>(
            () => session.Client.SubscribeAsync(TestCloud.Iccid + "/#", MqttQualityOfServiceLevel.ExactlyOnce, TestCloud.Bounded(TimeSpan.FromSeconds(2))));

        Assert.DoesNotContain(SubAck, session.InboundPacketTypes);
        Assert.Contains("SUBSCRIBE at QoS 2", (await cloud.WaitForEventAsync(CloudEventKind.NotAcknowledged, TestCloud.Iccid)).Message, StringComparison.Ordinal);
        Assert.True(session.Client.IsConnected);
        Assert.DoesNotContain(cloud.Events.Snapshot(), e => e.Kind == CloudEventKind.Subscribed);
    }

    [Fact]
    public async Task RetainedPublishClosesTheConnection()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await ConnectAsync(cloud);

        await Assert.ThrowsAnyAsync<Exception>(() => session.Client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(TestCloud.Iccid + "/state").WithPayload("1").WithRetainFlag()
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestCloud.Bounded()));

        await session.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());
        Assert.Contains("iot:RetainPublish", (await cloud.WaitForEventAsync(CloudEventKind.PolicyViolation, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public async Task TopicIsAtMost256Bytes(int bytes, bool allowed)
    {
        string topic = TestCloud.Iccid + "/" + new string('t', bytes - TestCloud.Iccid.Length - 1);
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(topic));
        await AssertPublishAsync(topic, 1, allowed, "bytes exceeds 256 bytes");
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public async Task TopicHasAtMostSevenSlashes(int slashes, bool allowed)
    {
        string topic = TestCloud.Iccid + string.Concat(Enumerable.Repeat("/l", slashes));
        await AssertPublishAsync(topic, 1, allowed, "slashes, more than 7");
    }

    [Theory]
    [InlineData(128 * 1024, true)]
    [InlineData((128 * 1024) + 1, false)]
    public async Task PayloadIsAtMost128Kilobytes(int bytes, bool allowed)
        => await AssertPublishAsync(TestCloud.Iccid + "/big", bytes, allowed, "exceeds 131072 bytes");

    private static async Task AssertPublishAsync(string topic, int payloadBytes, bool allowed, string refusal)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await ConnectAsync(cloud);
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(new byte[payloadBytes])
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

        if (allowed)
        {
            Assert.True((await session.Client.PublishAsync(message, TestCloud.Bounded())).IsSuccess);
            Assert.True(session.Client.IsConnected);
            return;
        }

        await Assert.ThrowsAnyAsync<Exception>(() => session.Client.PublishAsync(message, TestCloud.Bounded()));
        await session.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());
        Assert.Contains(refusal, (await cloud.WaitForEventAsync(CloudEventKind.LimitExceeded, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    private static Task<MqttSession> ConnectAsync(SimulatedCloud cloud)
        => MqttClients.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, cloud.IssueCredentials(TestCloud.Iccid).Username));

    private static Task<MqttClientPublishResult> PublishAsync(
        MqttSession session,
        string topic,
        string payload,
        MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce,
        CancellationToken? cancellationToken = null)
        => session.Client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build(),
            cancellationToken ?? TestCloud.Bounded());
}
