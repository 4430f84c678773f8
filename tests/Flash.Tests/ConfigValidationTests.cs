using System.Text;
using Xunit;

namespace CellularIot.Flash.Tests;

/// <summary>
/// flash.ps1 checks the device configuration before anything touches the board, and reports every problem
/// with its file and line.
/// </summary>
public sealed class ConfigValidationTests(FlashScript flash)
{
    private const string ValidLilygo = """
        board=lilygo-t-sim7080g-s3
        apn=iot.1nce.net
        radio=catm
        publishIntervalSeconds=300
        batchSize=1
        qos=1
        transport=auto
        baudRate=115200
        onboardingHost=device.connectivity-suite.cloud
        telemetryTopic=telemetry

        """;

    [Fact]
    public async Task EveryBadLineIsReportedWithItsLineNumber()
    {
        using var folder = new TempFolder();
        string config = folder.Write("device.conf", """
            # line 1 is a comment
            board=lilygo-t-sim7080g-s3
            apn=iot.1nce.net
            radio=lte
            publishIntervalSeconds=5m
            batchSize=0
            qos=2
            transport=mqtt
            baudRate=115201
            onboardingHost=-bad-.example
            telemetryTopic=sensors/#
            colour=blue
            PublishIntervalSeconds=60
            apn=other.apn
            just words

            """);

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-ConfigFile", config, "-WhatIf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the device configuration is not valid; nothing was flashed", run.Error, StringComparison.Ordinal);
        string[] expected =
        [
            $"{config}:4: 'radio' must be catm, nbiot or both; found 'lte'.",
            $"{config}:5: 'publishIntervalSeconds' must be a whole number of seconds from 1 to 86400; found '5m'.",
            $"{config}:6: 'batchSize' must be a whole number from 1 to 100; found '0'.",
            $"{config}:7: 'qos' must be 0 or 1; found '2'.",
            $"{config}:8: 'transport' must be auto, mqtt-tls, mqtt-websocket or https-post; found 'mqtt'.",
            $"{config}:9: 'baudRate' must be one of the SIM7080G rates",
            $"{config}:10: 'onboardingHost' must be a host name",
            $"{config}:11: 'telemetryTopic' must be an MQTT topic",
            $"{config}:12: unknown key 'colour' (known keys: board, apn, radio,",
            $"{config}:13: unknown key 'PublishIntervalSeconds' (did you mean 'publishIntervalSeconds'?).",
            $"{config}:14: 'apn' is already set on line 3.",
            $"{config}:15: expected key=value, found 'just words'.",
        ];
        foreach (string problem in expected)
        {
            Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain($"{config}:2:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"{config}:3:", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task MissingKeysAreNamed()
    {
        using var folder = new TempFolder();
        string config = folder.Write("device.conf", ValidLilygo.Replace("qos=1\n", string.Empty, StringComparison.Ordinal));

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-ConfigFile", config, "-WhatIf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{config}: missing key 'qos'; expected 0 or 1.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task ConfigurationForAnotherBoardIsRejected()
    {
        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-ConfigFile", FlashScript.SampleConfig("generic-esp32-sim7080g"), "-WhatIf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("board=generic-esp32-sim7080g does not match -Board lilygo-t-sim7080g-s3", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task GenericBoardNeedsUsableModemPins()
    {
        using var folder = new TempFolder();
        string config = folder.Write("device.conf", ValidLilygo.Replace("lilygo-t-sim7080g-s3", "generic-esp32-sim7080g", StringComparison.Ordinal) + """
            modemRxPin=7
            modemTxPin=34
            powerKeyPin=40

            """);

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Board", "generic-esp32-sim7080g", "-ConfigFile", config, "-WhatIf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{config}:11: 'modemRxPin' is GPIO 7, which the generic-esp32-sim7080g reserves for its flash, PSRAM or link to the PC.", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}:12: 'modemTxPin' is GPIO 34, which is input-only on the generic-esp32-sim7080g and cannot drive the modem.", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}:13: 'powerKeyPin' is GPIO 40, but the generic-esp32-sim7080g has GPIO 0 to 39.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task GenericBoardWithoutPinsIsRejectedAndSharedPinsToo()
    {
        using var folder = new TempFolder();
        string generic = ValidLilygo.Replace("lilygo-t-sim7080g-s3", "generic-esp32-sim7080g", StringComparison.Ordinal);
        string config = folder.Write("device.conf", generic + "modemRxPin=16\nmodemTxPin=16\n");

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Board", "generic-esp32-sim7080g", "-ConfigFile", config, "-WhatIf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{config}:12: 'modemTxPin' is GPIO 16, which 'modemRxPin' already uses.", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}: missing key 'powerKeyPin'; expected a GPIO number.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextThatIsNotUtf8IsRejected()
    {
        using var folder = new TempFolder();
        byte[] latin1 = [.. Encoding.UTF8.GetBytes(ValidLilygo), .. "# caf"u8, 0xE9, (byte)'\n'];
        string config = folder.Write("device.conf", latin1);

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-ConfigFile", config, "-WhatIf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{config}: not UTF-8 text; save it as UTF-8.", run.Error, StringComparison.Ordinal);
    }
}
