using System.Text;
using System.Text.Json;
using Xunit;

namespace CellularIot.Flash.Tests;

/// <summary>
/// The real (not -WhatIf) path end to end, with a fake nanoff first on PATH that records what flash.ps1 asked of it.
/// </summary>
public sealed class NanoffRunTests(FlashScript flash) : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task FlashesDeploysAndPlacesTheConfigurationAndCa()
    {
        using FakeNanoff nanoff = NewFakeNanoff();
        string image = folder.Write(Path.Combine("bin dir", "App.bin"), [0x4E, 0x46, 0x4D, 0x52]);

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Image", image], nanoff.Environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        IReadOnlyList<IReadOnlyList<string>> calls = nanoff.Calls;
        Assert.Equal(3, calls.Count);
        Assert.Equal(["--update", "--target", "ESP32_S3_ALL", "--serialport", "COM5"], calls[0]);
        Assert.Equal(["--deploy", "--image", image, "--target", "ESP32_S3_ALL", "--serialport", "COM5"], calls[1]);
        Assert.Equal(2, calls[2].Count);
        Assert.Equal("--filedeployment", calls[2][0]);

        string json = calls[2][1];
        string copy = nanoff.DeploymentCopy(3);
        using JsonDocument deployment = JsonDocument.Parse(File.ReadAllText(Path.Combine(copy, Path.GetFileName(json))));
        JsonElement root = deployment.RootElement;
        Assert.Equal("COM5", root.GetProperty("serialport").GetString());
        JsonElement[] files = [.. root.GetProperty("files").EnumerateArray()];
        Assert.Equal(2, files.Length);
        Assert.Equal(@"I:\device.conf", files[0].GetProperty("DestinationFilePath").GetString());
        string deployedConfig = files[0].GetProperty("SourceFilePath").GetString()!;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(json)!, "device.conf"), deployedConfig);
        Assert.Equal(File.ReadAllText(FlashScript.SampleConfig("lilygo-t-sim7080g-s3")).ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(copy, "device.conf")));
        Assert.Equal(@"I:\AmazonRootCA1.pem", files[1].GetProperty("DestinationFilePath").GetString());
        Assert.Equal(FlashScript.CaFile, files[1].GetProperty("SourceFilePath").GetString());

        Assert.False(Directory.Exists(Path.GetDirectoryName(json)), "flash.ps1 left its deployment folder behind");
        Assert.Contains("Done: lilygo-t-sim7080g-s3 (ESP32_S3_ALL) on COM5", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploysTheConfigurationAsValidatedWithoutBomCrLfOrPadding()
    {
        using FakeNanoff nanoff = NewFakeNanoff();
        string image = folder.Write("App.bin", [0x4E, 0x46]);
        string text = "\uFEFF# from Notepad\r\nboard = generic-esp32-sim7080g\r\napn=iot.1nce.net\r\nradio=nbiot\r\npublishIntervalSeconds= 600\r\n"
            + "batchSize=5\r\nqos=0\r\ntransport=mqtt-websocket\r\nbaudRate=921600\r\nonboardingHost=device.connectivity-suite.cloud\r\n"
            + "telemetryTopic=site-1/telemetry\r\n  modemRxPin=25\r\nmodemTxPin=26\r\npowerKeyPin=27";
        string config = folder.Write("device.conf", Encoding.UTF8.GetBytes(text));

        ScriptRun run = await flash.RunAsync(["-Port", "/dev/ttyUSB0", "-Board", "generic-esp32-sim7080g", "-ConfigFile", config, "-Image", image], nanoff.Environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["--update", "--target", "ESP32_REV0", "--serialport", "/dev/ttyUSB0"], nanoff.Calls[0]);
        byte[] deployed = File.ReadAllBytes(Path.Combine(nanoff.DeploymentCopy(3), "device.conf"));
        string expected = "# from Notepad\nboard=generic-esp32-sim7080g\napn=iot.1nce.net\nradio=nbiot\npublishIntervalSeconds=600\n"
            + "batchSize=5\nqos=0\ntransport=mqtt-websocket\nbaudRate=921600\nonboardingHost=device.connectivity-suite.cloud\n"
            + "telemetryTopic=site-1/telemetry\nmodemRxPin=25\nmodemTxPin=26\npowerKeyPin=27\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(deployed));
        Assert.NotEqual(0xEF, deployed[0]);
    }

    [Theory]
    [InlineData("--update", 1, "flashing the nanoCLR firmware ESP32_S3_ALL")]
    [InlineData("--deploy", 2, "deploying the application App.bin")]
    [InlineData("--filedeployment", 3, @"placing I:\device.conf and I:\AmazonRootCA1.pem on the board")]
    public async Task FailingNanoffStopsTheScript(string failOn, int calls, string step)
    {
        using FakeNanoff nanoff = NewFakeNanoff(failOn);
        string image = folder.Write("App.bin", [0x4E, 0x46]);

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Image", image], nanoff.Environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(calls, nanoff.Calls.Count);
        Assert.Equal(failOn, nanoff.Calls[^1][0]);
        Assert.Contains($"nanoff failed with exit code {FakeNanoff.FailureExitCode} while {step}; stopped here.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Done:", run.Output, StringComparison.Ordinal);
        string json = nanoff.Calls.Count == 3 ? nanoff.Calls[2][1] : string.Empty;
        Assert.True(json.Length == 0 || !Directory.Exists(Path.GetDirectoryName(json)), "flash.ps1 left its deployment folder behind");
    }

    [Fact]
    public async Task SkipFirmwareDeploysWithoutFlashingNanoClr()
    {
        using FakeNanoff nanoff = NewFakeNanoff();
        string image = folder.Write("App.bin", [0x4E, 0x46]);

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Image", image, "-SkipFirmware", "-Target", "ESP32_S3"], nanoff.Environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, nanoff.Calls.Count);
        Assert.Equal(["--deploy", "--image", image, "--target", "ESP32_S3", "--serialport", "COM5"], nanoff.Calls[0]);
        Assert.Equal("--filedeployment", nanoff.Calls[1][0]);
    }

    [Fact]
    public async Task MissingImageStopsBeforeAnythingIsFlashed()
    {
        using FakeNanoff nanoff = NewFakeNanoff();
        string image = Path.Combine(folder.Path, "App.bin");

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Image", image], nanoff.Environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"the application image is missing: {image}. Build nf.sln in Release", run.Error, StringComparison.Ordinal);
        Assert.Empty(nanoff.Calls);
    }

    [Fact]
    public async Task InvalidConfigurationStopsBeforeAnythingIsFlashed()
    {
        using FakeNanoff nanoff = NewFakeNanoff();
        string image = folder.Write("App.bin", [0x4E, 0x46]);
        string config = folder.Write("device.conf", File.ReadAllText(FlashScript.SampleConfig("lilygo-t-sim7080g-s3")).Replace("qos=1", "qos=2", StringComparison.Ordinal));

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Image", image, "-ConfigFile", config], nanoff.Environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'qos' must be 0 or 1; found '2'.", run.Error, StringComparison.Ordinal);
        Assert.Empty(nanoff.Calls);
    }

    public void Dispose() => folder.Dispose();

    private static FakeNanoff NewFakeNanoff(string? failOn = null)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The fake nanoff is a POSIX shell script.");
        return new FakeNanoff(failOn);
    }
}
