using Xunit;

namespace CellularIot.Flash.Tests;

/// <summary>Bad parameters stop flash.ps1 with a message that names the problem and a non-zero exit code.</summary>
public sealed class ParameterTests(FlashScript flash)
{
    [Fact]
    public async Task UnknownBoardIsRejectedListingTheBoards()
    {
        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Board", "t-beam", "-WhatIf"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Cannot validate argument on parameter 'Board'", run.Error, StringComparison.Ordinal);
        Assert.Contains("lilygo-t-sim7080g-s3,generic-esp32-sim7080g", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task UnknownTargetIsRejectedListingTheTargets()
    {
        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-Target", "ESP32_S3_OCTOPUS", "-WhatIf"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Cannot validate argument on parameter 'Target'", run.Error, StringComparison.Ordinal);
        Assert.Contains("ESP32_REV0,ESP32_PSRAM_REV0", run.Error, StringComparison.Ordinal);
        Assert.Contains("ESP32_S3_ALL", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task MissingPortIsRejected()
    {
        ScriptRun run = await flash.RunAsync(["-WhatIf"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("missing mandatory parameters: Port", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task MissingConfigFileIsRejectedNamingIt()
    {
        using var folder = new TempFolder();
        string config = Path.Combine(folder.Path, "nope.conf");

        ScriptRun run = await flash.RunAsync(["-Port", "COM5", "-ConfigFile", config, "-WhatIf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"configuration file not found: {config}", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }

    [Fact]
    public async Task MissingNanoffIsReportedWithTheInstallCommand()
    {
        using var emptyPath = new TempFolder();
        using var folder = new TempFolder();
        string image = folder.Write("App.bin", [0x4E, 0x46]);

        ScriptRun run = await flash.RunAsync(
            ["-Port", "COM5", "-Image", image],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["PATH"] = emptyPath.Path });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nanoff (the nanoFramework firmware flasher) is not installed or not on PATH", run.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install -g nanoff --version \"2.*\"", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.NanoffCommands);
    }
}
