using System.Collections.Concurrent;
using System.Net;
using CellularIot.Bytes;
using CellularIot.Cloud.Mqtt;
using CellularIot.Host;
using CellularIot.Support;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Mqtt.Tests;

/// <summary>
/// The firmware's <see cref="MqttClient"/> run as the device runs it: a receive thread calling Poll in a
/// loop (the session supervisor's job) while the test, as the application, publishes from its own thread.
/// Reconnecting is left to the test, which calls <see cref="ConnectAsync"/> again.
/// </summary>
internal sealed class DeviceClient : IMqttListener, IDisposable
{
    public const string Iccid = "8988228066612345678";

    // The shape of a 1NCE custom-authorizer login: a query string whose signature is URL-encoded.
    public const string Username = Iccid + "?x-amz-customauthorizer-name=1nce-jwt&x-amz-customauthorizer-signature=abc%2Bdef%2Fghi%3D%3D&token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2ln";

    private readonly Thread poller;
    private volatile bool stopping;
    private TlsTransport? transport;

    public DeviceClient(IClock clock, Action<MqttSettings>? configure = null)
    {
        var settings = new MqttSettings(Iccid, Username);
        configure?.Invoke(settings);
        Client = new MqttClient(settings, clock, Log, this);
        poller = new Thread(PollLoop) { IsBackground = true, Name = "mqtt-poll" };
        poller.Start();
    }

    public MqttClient Client { get; }

    public TestLog Log { get; } = new();

    public TlsTransport? Transport => transport;

    public BlockingCollection<(string Topic, string Payload, int Qos, bool Dup)> Messages { get; } = [];

    public BlockingCollection<int> Delivered { get; } = [];

    public BlockingCollection<(ConnectionLossReason Reason, string Detail)> Losses { get; } = [];

    public static string Topic(string rest) => Iccid + "/" + rest;

    /// <summary>Opens a transport (TLS when a CA is given, else plain TCP to <paramref name="port"/>) and connects over it.</summary>
    public async Task<ConnectResult> ConnectAsync(int port, TestCertificates? tls, string sniHost = "broker.test")
    {
        var options = new TlsTransportOptions
        {
            Host = sniHost,
            Port = port,
            RemoteAddress = IPAddress.Loopback,
            CaCertificate = tls?.Ca,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        transport = tls is null
            ? await TlsTransport.ConnectPlainAsync(options, TestContext.Current.CancellationToken).ConfigureAwait(false)
            : await TlsTransport.ConnectAsync(options, TestContext.Current.CancellationToken).ConfigureAwait(false);
        TlsTransport opened = transport;
        return await Task.Run(() => Client.Connect(opened, null, 0), TestContext.Current.CancellationToken).ConfigureAwait(false);
    }

    public int Publish(string topicRest, string payload, int qos)
    {
        byte[] bytes = Utf8.GetBytes(payload);
        return Client.Publish(Topic(topicRest), bytes, 0, bytes.Length, qos);
    }

    public void Dispose()
    {
        stopping = true;
        Client.Disconnect();
        poller.Join();
        transport?.Dispose();
        Messages.Dispose();
        Delivered.Dispose();
        Losses.Dispose();
    }

    void IMqttListener.OnMessage(MqttMessage message) =>
        Messages.Add((message.GetTopic(), Utf8.Decode(message.CopyPayload()), message.Qos, message.Dup));

    void IMqttListener.OnDelivered(int packetId) => Delivered.Add(packetId);

    void IMqttListener.OnConnectionLost(ConnectionLossReason reason, string detail) => Losses.Add((reason, detail));

    void IMqttListener.OnQuarantined(QuarantinedMessage message)
    {
    }

    private void PollLoop()
    {
        while (!stopping)
        {
            if (!Client.Poll(50))
            {
                // Not connected: the test reconnects; nothing to read until then.
                Thread.Sleep(10);
            }
        }
    }
}
