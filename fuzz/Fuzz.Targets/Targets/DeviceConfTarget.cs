using System.Text;
using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.At;
using CellularIot.Cloud.Topics;
using CellularIot.Modem.Sim7080;
using CellularIot.Net.Http;
using CellularIot.Tests.App.Support;
using CellularIot.Tests.At;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// device.conf as the board reads it: only <see cref="SettingsException"/> escapes the parser, and every file it
/// accepts builds a device that can use each value where it goes (the APN and host in AT commands, the host in the
/// onboarding request, the telemetry topic under the SIM's prefix), so no config error waits until the device runs.
/// </summary>
public sealed class DeviceConfTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "device-conf";

    /// <inheritdoc/>
    public string Description => "DeviceSettingsParser.Parse, then every accepted value where the device uses it";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return Encoding.UTF8.GetBytes("board=lilygo-t-sim7080g-s3\napn=iot.1nce.net\nradio=catm\npublishIntervalSeconds=300\nbatchSize=1\nqos=1\n"
            + "transport=auto\nbaudRate=115200\nonboardingHost=device.connectivity-suite.cloud\ntelemetryTopic=telemetry\n");
        yield return Encoding.UTF8.GetBytes("# generic\r\nboard=generic-esp32-sim7080g\r\nmodemRxPin=16\r\nmodemTxPin=17\r\npowerKeyPin=18\r\nradio=both\r\npersistBacklog=true\r\ntransport=mqtt-websocket\r\n");
        yield return Encoding.UTF8.GetBytes("apn=iot.\"1nce\".net\ntelemetryTopic=a/b/c/d/e/f/g\nonboardingHost=device.connectivity-suite.cloud\nqos=0\nbatchSize=100\n");
        yield return Encoding.UTF8.GetBytes("telemetryTopic=\u20AC\u20AC/\u00E9\nradio=nbiot\ntransport=mqtt-tls\npublishIntervalSeconds=86400\n");
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        DeviceSettings settings;
        try
        {
            settings = DeviceSettingsParser.Parse(data);
        }
        catch (SettingsException)
        {
            return;
        }

        settings.Validate();
        settings.ResolveBoard();
        Sim7080Settings modem = Sim7080Settings.For(settings.Apn, settings.Radio);
        Sim7080Settings.Check(modem);
        new AtCommand(600, 64, 2).Begin("AT+CGDCONT=1,\"IP\",").AppendQuoted(settings.Apn);
        new AtCommand(600, 64, 2).Begin("AT+CSSLCFG=\"sni\",0,").AppendQuoted(settings.OnboardingHost);
        HttpRequestWriter.Format(new HttpRequest(settings.OnboardingHost, "/device-api/onboarding/mqtt/tokens"));
        new TopicRules("8988228066612345678").Topic(settings.TelemetryTopic);
        using var link = new ScriptedLink();
        using var device = new Device(settings, new Sim7080Factory(new NullPowerKey(), modem), Device.SessionSettingsFor(settings), link, new MemoryBlobStore(), [], new ManualClock(), NullLog.Instance, new FixedSensors());
        FuzzFindingException.Check(device.Runner.IntervalSeconds == settings.PublishIntervalSeconds, "the device runs another interval");
    }
}
