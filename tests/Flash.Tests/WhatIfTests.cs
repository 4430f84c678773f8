using System.Text.RegularExpressions;
using Xunit;

namespace CellularIot.Flash.Tests;

/// <summary>With -WhatIf flash.ps1 prints the exact nanoff commands it would run and runs none of them.</summary>
public sealed class WhatIfTests(FlashScript flash)
{
    private static readonly string Image = $"\"{FlashScript.DefaultImage}\"";

    [Fact]
    public async Task DefaultPresetFlashesTheLilygoWithTheOctalPsramTarget()
    {
        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-WhatIf"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertCommands(
            run,
            "nanoff --update --target ESP32_S3_ALL --serialport COM5",
            $"nanoff --deploy --image {Image} --target ESP32_S3_ALL --serialport COM5");
        Assert.Contains($"would place {FlashScript.SampleConfig("lilygo-t-sim7080g-s3")} (validated) at I:\\device.conf and {FlashScript.CaFile} at I:\\AmazonRootCA1.pem", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generic-esp32-sim7080g")]
    [InlineData("generic-esp32-bg95")]
    public async Task GenericPresetsFlashEsp32Rev0WithTheirValidSampleConfiguration(string board)
    {
        ScriptRun run = await flash.RunAsync(["-Port", "COM7", "-Board", board, "-WhatIf"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertCommands(
            run,
            "nanoff --update --target ESP32_REV0 --serialport COM7",
            $"nanoff --deploy --image {Image} --target ESP32_REV0 --serialport COM7");
        Assert.Contains(FlashScript.SampleConfig(board) + " (validated)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ESP32_PSRAM_REV3", "ESP32_PSRAM_REV3")]
    [InlineData("esp32_s3", "ESP32_S3")]
    public async Task ExplicitTargetWinsOverThePresetInItsCanonicalSpelling(string target, string printed)
    {
        ScriptRun run = await flash.RunAsync(["-Port", "/dev/ttyUSB0", "-Target", target, "-WhatIf"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertCommands(
            run,
            $"nanoff --update --target {printed} --serialport \"/dev/ttyUSB0\"",
            $"nanoff --deploy --image {Image} --target {printed} --serialport \"/dev/ttyUSB0\"");
    }

    [Fact]
    public async Task SkipFirmwareLeavesOutTheNanoClrUpdate()
    {
        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-SkipFirmware", "-WhatIf"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertCommands(run, $"nanoff --deploy --image {Image} --target ESP32_S3_ALL --serialport COM5");
    }

    [Fact]
    public async Task MissingImageIsReportedButDoesNotStopWhatIf()
    {
        using var folder = new TempFolder();
        string image = Path.Combine(folder.Path, "my app", "App.bin");

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Image", image, "-WhatIf"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"the application image is missing: {image}. Build nf.sln in Release", run.Error, StringComparison.Ordinal);
        AssertCommands(
            run,
            "nanoff --update --target ESP32_S3_ALL --serialport COM5",
            $"nanoff --deploy --image \"{image}\" --target ESP32_S3_ALL --serialport COM5");
    }

    // The file deployment comes last; its JSON would be written to a fresh temp folder, which -WhatIf must not create.
    private static void AssertCommands(ScriptRun run, params string[] before)
    {
        IReadOnlyList<string> commands = run.NanoffCommands;
        Assert.Equal(before, commands.Take(commands.Count - 1));

        Match deployment = Regex.Match(commands[^1], "^nanoff --filedeployment \"(?<json>.+[/\\\\]cellulariot-flash-[0-9a-f]{12}[/\\\\]deploy\\.json)\"$");
        Assert.True(deployment.Success, run.ToString());
        string json = deployment.Groups["json"].Value;
        Assert.StartsWith(Path.GetTempPath(), json, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(json)), "-WhatIf created " + json);
    }
}
