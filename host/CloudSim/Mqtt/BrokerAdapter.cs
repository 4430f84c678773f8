using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Server;

namespace CellularIot.CloudSim.Mqtt;

/// <summary>
/// How client connections reach MQTTnet's broker: not through a socket of its own, but as channels the IoT endpoint
/// hands over after TLS (ALPN <c>mqtt</c>) or a WebSocket upgrade, so the broker sees each client's real address.
/// </summary>
internal sealed class BrokerAdapter : IMqttServerAdapter
{
    private MqttServerOptions? options;
    private IMqttNetLogger logger = MqttNetNullLogger.Instance;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        this.options = options;
        this.logger = logger;
        return Task.CompletedTask;
    }

    public Task StopAsync() => Task.CompletedTask;

    /// <summary>Runs one client through the broker until its session ends.</summary>
    public async Task RunAsync(FrontChannel channel)
    {
        Func<IMqttChannelAdapter, Task> handler = ClientHandler ?? throw new InvalidOperationException("The broker is not started.");
        MqttServerOptions started = options ?? throw new InvalidOperationException("The broker is not started.");
        using var adapter = new MqttChannelAdapter(
            channel, new MqttPacketFormatterAdapter(new MqttBufferWriter(started.WriterBufferSize, started.WriterBufferSizeMax)), logger);
        await handler(adapter).ConfigureAwait(false);
    }

    public void Dispose()
    {
    }
}
