<#
.SYNOPSIS
Flashes an ESP32 board with the CellularIot firmware, its device configuration and the Amazon Root CA 1.

.DESCRIPTION
Does four steps with nanoFramework's firmware flasher (nanoff), stopping at the first that fails:
  1. checks that nanoff is installed;
  2. flashes the nanoCLR firmware for the target (skipped with -SkipFirmware);
  3. deploys the application image that the nanoFramework build of nf.sln wrote;
  4. places the device configuration at I:\device.conf and the CA at I:\AmazonRootCA1.pem.
The configuration file is validated before anything touches the board.

With -WhatIf it prints the nanoff commands it would run, one per line, and runs nothing.

.PARAMETER Port
The serial port the board is on: COM5 on Windows, /dev/ttyACM0 or /dev/ttyUSB0 on Linux.

.PARAMETER Board
The board preset: lilygo-t-sim7080g-s3 (default), generic-esp32-sim7080g or generic-esp32-bg95. It picks the default -Target and
-ConfigFile.

.PARAMETER Target
The nanoFramework firmware target. Default: the preset's (ESP32_S3_ALL for the LilyGO, ESP32_REV0 for the
generic ESP32 DevKits).

.PARAMETER ConfigFile
The device configuration (key=value lines) to deploy as I:\device.conf. Default: config/<Board>.conf.

.PARAMETER Image
The application image. Default: firmware/Board/bin/Release/CellularIot.Board.bin, which building nf.sln in
Release writes.

.PARAMETER SkipFirmware
Skips flashing nanoCLR (step 2), for a board that already runs the right firmware.

.EXAMPLE
./flash.ps1 -Port COM5

Flashes a LilyGO T-SIM7080G-S3 on COM5 with config/lilygo-t-sim7080g-s3.conf.

.EXAMPLE
./flash.ps1 -Port /dev/ttyUSB0 -Board generic-esp32-sim7080g -ConfigFile ./my-device.conf -WhatIf

Prints the nanoff commands for an ESP32 DevKit wired to a SIM7080G, after validating my-device.conf.

.EXAMPLE
dotnet tool run pwsh -- -File flash.ps1 -Port COM5 -SkipFirmware

Runs with the PowerShell pinned in .config/dotnet-tools.json (after dotnet tool restore) and redeploys the
application and the configuration to a board that already runs nanoCLR.
#>

#Requires -Version 7.0

# nanoff's command line, as used here, was checked against nanoframework/nanoFirmwareFlasher:
# - nanoFirmwareFlasher.Tool/Options.cs (nanoff 2.x): the switches --update, --deploy, --image, --target,
#   --serialport and --filedeployment.
# - README.md (2.x): "nanoff --update --target ESP32_PSRAM_REV0 --serialport COM31" flashes the firmware and
#   "nanoff --target ESP32_PSRAM_REV0 --serialport COM12 --deploy --image ...bin" deploys an application.
# - nanoFirmwareFlasher.Library/FileDeployment/FileDeploymentConfiguration.cs and DeploymentFile.cs: the file
#   deployment JSON is {"SerialPort": ..., "Files": [{"DestinationFilePath": ..., "SourceFilePath": ...}]},
#   read with Json.NET (names match whatever their case).
# - nanoFirmwareFlasher.Tests/FileDeploymentTests.cs runs "nanoff --filedeployment deploy.json" with the port
#   inside the JSON. The file deployment is given nothing else on purpose: in nanoff 2.x's Program.cs and
#   Esp32Manager.cs a --target ESP32_* first opens the chip's ROM bootloader (and resets it) before the files
#   are sent over nanoCLR's wire protocol.
# nanoff 3 replaced these switches with verbs (nanoff flash target T serialport P; nanoff deploy target T
# serialport P image X; nanoff deploy file J serialport P; README.md and Program.cs of the 3.x line), so this
# script asks for nanoff 2.x.

[CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
param(
    [Parameter(Mandatory, Position = 0, HelpMessage = 'The serial port the board is on, e.g. COM5 or /dev/ttyACM0.')]
    [ValidateNotNullOrEmpty()]
    [string] $Port,

    [ValidateSet('ESP32_REV0', 'ESP32_PSRAM_REV0', 'ESP32_BLE_REV0', 'ESP32_REV3', 'ESP32_PSRAM_REV3',
        'ESP32_BLE_REV3', 'ESP32_PICO', 'ESP_WROVER_KIT', 'ESP32_S3', 'ESP32_S3_BLE', 'ESP32_S3_ALL')]
    [string] $Target,

    [ValidateSet('lilygo-t-sim7080g-s3', 'generic-esp32-sim7080g', 'generic-esp32-bg95')]
    [string] $Board = 'lilygo-t-sim7080g-s3',

    [ValidateNotNullOrEmpty()]
    [string] $ConfigFile,

    [ValidateNotNullOrEmpty()]
    [string] $Image,

    [switch] $SkipFirmware
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# ESP32 reference targets of nanoFramework (nf-interpreter's README, "Firmware for reference boards").
# ValidateSet above holds the same names; it cannot read a variable.
$KnownTargets = @('ESP32_REV0', 'ESP32_PSRAM_REV0', 'ESP32_BLE_REV0', 'ESP32_REV3', 'ESP32_PSRAM_REV3',
    'ESP32_BLE_REV3', 'ESP32_PICO', 'ESP_WROVER_KIT', 'ESP32_S3', 'ESP32_S3_BLE', 'ESP32_S3_ALL')

# Gpio: the pins a modem line may use. Reserved pins carry the SPI flash, the PSRAM or nanoCLR's link to the PC
# (native USB on the S3, UART0 on the ESP32); input-only pins cannot drive the modem's RXD or PWRKEY.
$Presets = [ordered]@{
    # ESP32-S3 with 16 MB flash and 8 MB octal PSRAM (LilyGO's README): ESP32_S3_ALL is the reference target
    # built for octal PSRAM (ESP32_S3 is built for quad PSRAM). Modem pins are fixed by the board.
    'lilygo-t-sim7080g-s3'   = @{
        Target       = 'ESP32_S3_ALL'
        RequiredKeys = @()
        Gpio         = @{ Max = 48; Reserved = @(19, 20) + @(26..37); InputOnly = @() }
    }
    # A classic ESP32 DevKit (no PSRAM assumed) with the modem on pins the configuration names.
    'generic-esp32-sim7080g' = @{
        Target       = 'ESP32_REV0'
        RequiredKeys = @('modemRxPin', 'modemTxPin', 'powerKeyPin')
        Gpio         = @{ Max = 39; Reserved = @(1, 3) + @(6..11); InputOnly = @(34..39) }
    }
    # The same DevKit with a Quectel BG95 module.
    'generic-esp32-bg95'     = @{
        Target       = 'ESP32_REV0'
        RequiredKeys = @('modemRxPin', 'modemTxPin', 'powerKeyPin')
        Gpio         = @{ Max = 39; Reserved = @(1, 3) + @(6..11); InputOnly = @(34..39) }
    }
}

$NanoffInstall = 'dotnet tool install -g nanoff --version "2.*"'
$DeviceConfigPath = 'I:\device.conf'
$DeviceCaPath = 'I:\AmazonRootCA1.pem'

function Stop-Flash([string] $Message) {
    [Console]::Error.WriteLine("flash.ps1: $Message")
    exit 1
}

function Write-FlashWarning([string] $Message) {
    [Console]::Error.WriteLine("flash.ps1: warning: $Message")
}

# One command line as a person would type it: values that are not plain words are double-quoted.
function Format-CommandLine([string[]] $CommandLine) {
    $parts = foreach ($argument in $CommandLine) {
        if ($argument -cmatch '^[A-Za-z0-9_.:=,+@%-]+$') { $argument } else { '"' + ($argument -replace '"', '\"') + '"' }
    }
    $parts -join ' '
}

function Test-WholeNumber([string] $Value, [long] $Min, [long] $Max) {
    if ($Value -cnotmatch '^[0-9]{1,10}$') { return $false }
    $number = [long]$Value
    return $number -ge $Min -and $number -le $Max
}

# Every key the firmware reads from I:\device.conf, with the rule its value must meet. Keep in step with the
# firmware's own validation of the same file. Keys are case-sensitive ([ordered] alone would not be).
$ConfigRules = [Collections.Specialized.OrderedDictionary]::new([StringComparer]::Ordinal)
$rules = [ordered]@{
    board                  = @{ Expect = "one of: $($Presets.Keys -join ', ')"; Test = { param($v) $v -cin $Presets.Keys } }
    apn                    = @{ Expect = "an APN: letters, digits, '.' and '-', at most 100 characters"; Test = { param($v) $v -cmatch '^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,98}[A-Za-z0-9])?$' } }
    radio                  = @{ Expect = 'catm, nbiot or both'; Test = { param($v) $v -cin 'catm', 'nbiot', 'both' } }
    modem                  = @{ Expect = 'sim7080, bg95, bg96 or auto'; Test = { param($v) $v -cin 'sim7080', 'bg95', 'bg96', 'auto' } }
    publishIntervalSeconds = @{ Expect = 'a whole number of seconds from 1 to 86400'; Test = { param($v) Test-WholeNumber $v 1 86400 } }
    batchSize              = @{ Expect = 'a whole number from 1 to 100'; Test = { param($v) Test-WholeNumber $v 1 100 } }
    qos                    = @{ Expect = '0 or 1'; Test = { param($v) $v -cin '0', '1' } }
    transport              = @{ Expect = 'auto, mqtt-tls, mqtt-websocket or https-post'; Test = { param($v) $v -cin 'auto', 'mqtt-tls', 'mqtt-websocket', 'https-post' } }
    baudRate               = @{ Expect = 'one of the SIM7080G rates 9600, 19200, 38400, 57600, 115200, 230400, 921600'; Test = { param($v) $v -cin '9600', '19200', '38400', '57600', '115200', '230400', '921600' } }
    onboardingHost         = @{ Expect = 'a host name such as device.connectivity-suite.cloud'; Test = { param($v) $v.Length -le 253 -and $v -cmatch '^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$' } }
    telemetryTopic         = @{ Expect = "an MQTT topic of letters, digits, '_', '-', '.' and '/' (no wildcards, no leading or trailing '/'), at most 128 characters"; Test = { param($v) $v.Length -le 128 -and $v -cmatch '^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*$' } }
    modemRxPin             = @{ Expect = 'a GPIO number'; Test = { param($v) $v -cmatch '^[0-9]{1,2}$' } }
    modemTxPin             = @{ Expect = 'a GPIO number'; Test = { param($v) $v -cmatch '^[0-9]{1,2}$' } }
    powerKeyPin            = @{ Expect = 'a GPIO number'; Test = { param($v) $v -cmatch '^[0-9]{1,2}$' } }
    persistBacklog         = @{ Expect = 'true or false'; Test = { param($v) $v -cin 'true', 'false' } }
    cleanSession           = @{ Expect = 'true or false'; Test = { param($v) $v -cin 'true', 'false' } }
    postIdleSeconds        = @{ Expect = 'a whole number of seconds from 1 to 3600'; Test = { param($v) Test-WholeNumber $v 1 3600 } }
}
foreach ($entry in $rules.GetEnumerator()) { $ConfigRules.Add($entry.Key, $entry.Value) }
$BaseKeys = @('board', 'apn', 'radio', 'publishIntervalSeconds', 'batchSize', 'qos', 'transport', 'baudRate', 'onboardingHost', 'telemetryTopic')
$PinKeys = @('modemRxPin', 'modemTxPin', 'powerKeyPin')

# Reads and checks a device configuration. Returns the problems found (each naming the file and line) and the
# text to deploy: the same lines with LF endings, no byte order mark and no spaces around keys and values, so the
# device reads exactly what was validated whatever editor or Git line-ending setting produced the file.
function Read-DeviceConfig([string] $Path, [string] $DisplayName, [string] $BoardName) {
    $problems = [Collections.Generic.List[string]]::new()
    $values = [Collections.Generic.Dictionary[string, string]]::new([StringComparer]::Ordinal)
    $lineNumbers = [Collections.Generic.Dictionary[string, int]]::new([StringComparer]::Ordinal)
    $deployed = [Collections.Generic.List[string]]::new()

    $bytes = [IO.File]::ReadAllBytes($Path)
    $start = if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) { 3 } else { 0 }
    try {
        $text = [Text.UTF8Encoding]::new($false, $true).GetString($bytes, $start, $bytes.Length - $start)
    }
    catch [Text.DecoderFallbackException] {
        $problems.Add("${DisplayName}: not UTF-8 text; save it as UTF-8.")
        return @{ Problems = $problems; Text = $null }
    }

    $lines = $text -split '\r?\n'
    # A final line end does not start another line.
    $lineCount = if ($lines[-1] -eq '') { $lines.Count - 1 } else { $lines.Count }
    for ($i = 0; $i -lt $lineCount; $i++) {
        $line = $lines[$i]
        $where = "${DisplayName}:$($i + 1)"
        $trimmed = $line.Trim()
        if ($trimmed -eq '' -or $trimmed.StartsWith('#')) {
            $deployed.Add($trimmed)
            continue
        }
        $equals = $trimmed.IndexOf('=')
        if ($equals -lt 0) {
            $problems.Add("${where}: expected key=value, found '$trimmed'.")
            continue
        }
        $key = $trimmed.Substring(0, $equals).Trim()
        $value = $trimmed.Substring($equals + 1).Trim()
        $deployed.Add("$key=$value")
        if (-not $ConfigRules.Contains($key)) {
            $suggestion = @($ConfigRules.Keys | Where-Object { $_ -ieq $key })
            $hint = if ($suggestion.Count -gt 0) { " (did you mean '$($suggestion[0])'?)" } else { " (known keys: $($ConfigRules.Keys -join ', '))" }
            $problems.Add("${where}: unknown key '$key'$hint.")
            continue
        }
        if ($values.ContainsKey($key)) {
            $problems.Add("${where}: '$key' is already set on line $($lineNumbers[$key]).")
            continue
        }
        $values[$key] = $value
        $lineNumbers[$key] = $i + 1
        if ($value -eq '') {
            $problems.Add("${where}: '$key' has no value; expected $($ConfigRules[$key].Expect).")
        }
        elseif (-not (& $ConfigRules[$key].Test $value)) {
            $problems.Add("${where}: '$key' must be $($ConfigRules[$key].Expect); found '$value'.")
        }
    }

    foreach ($key in @($BaseKeys) + @($Presets[$BoardName].RequiredKeys)) {
        if (-not $values.ContainsKey($key)) {
            $problems.Add("${DisplayName}: missing key '$key'; expected $($ConfigRules[$key].Expect).")
        }
    }

    if ($values.ContainsKey('board') -and $values['board'] -cin $Presets.Keys -and $values['board'] -cne $BoardName) {
        $problems.Add("${DisplayName}:$($lineNumbers['board']): board=$($values['board']) does not match -Board $BoardName; pass -Board $($values['board']) or use a configuration for $BoardName.")
    }

    $gpio = $Presets[$BoardName].Gpio
    $pins = @{}
    foreach ($key in $PinKeys) {
        if (-not $values.ContainsKey($key) -or $values[$key] -cnotmatch '^[0-9]{1,2}$') { continue }
        $pin = [int]$values[$key]
        $where = "${DisplayName}:$($lineNumbers[$key])"
        if ($pin -gt $gpio.Max) {
            $problems.Add("${where}: '$key' is GPIO $pin, but the $BoardName has GPIO 0 to $($gpio.Max).")
        }
        elseif ($pin -in $gpio.Reserved) {
            $problems.Add("${where}: '$key' is GPIO $pin, which the $BoardName reserves for its flash, PSRAM or link to the PC.")
        }
        elseif ($key -ne 'modemRxPin' -and $pin -in $gpio.InputOnly) {
            $problems.Add("${where}: '$key' is GPIO $pin, which is input-only on the $BoardName and cannot drive the modem.")
        }
        elseif ($pins.ContainsKey($pin)) {
            $problems.Add("${where}: '$key' is GPIO $pin, which '$($pins[$pin])' already uses.")
        }
        else {
            $pins[$pin] = $key
        }
    }

    return @{ Problems = $problems; Text = ($deployed -join "`n") + "`n" }
}

# --- Parameters -------------------------------------------------------------------------------------------

# ValidateSet accepts any letter case; nanoff and the firmware want the canonical names.
$Board = @($Presets.Keys | Where-Object { $_ -ieq $Board })[0]
$preset = $Presets[$Board]
$Target = if ($PSBoundParameters.ContainsKey('Target')) { @($KnownTargets | Where-Object { $_ -ieq $Target })[0] } else { $preset.Target }

if (-not $PSBoundParameters.ContainsKey('ConfigFile')) {
    $ConfigFile = Join-Path $PSScriptRoot 'config' "$Board.conf"
}
$configPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($ConfigFile)
if (-not (Test-Path -LiteralPath $configPath -PathType Leaf)) {
    Stop-Flash "configuration file not found: $configPath (give one with -ConfigFile, or see config/ for samples)."
}

if (-not $PSBoundParameters.ContainsKey('Image')) {
    $Image = Join-Path $PSScriptRoot 'firmware' 'Board' 'bin' 'Release' 'CellularIot.Board.bin'
}
$imagePath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Image)

$caPath = Join-Path $PSScriptRoot 'certs' 'AmazonRootCA1.pem'
if (-not (Test-Path -LiteralPath $caPath -PathType Leaf)) {
    Stop-Flash "the Amazon Root CA 1 is missing: $caPath (it ships in the repository's certs/ folder)."
}

$config = Read-DeviceConfig -Path $configPath -DisplayName $ConfigFile -BoardName $Board
if ($config.Problems.Count -gt 0) {
    Stop-Flash ("the device configuration is not valid; nothing was flashed:`n  " + ($config.Problems -join "`n  "))
}

# --- The nanoff commands ----------------------------------------------------------------------------------

$dryRun = [bool]$WhatIfPreference
$deploymentDir = Join-Path ([IO.Path]::GetTempPath()) ('cellulariot-flash-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
$deployedConfigPath = Join-Path $deploymentDir 'device.conf'
$deploymentJsonPath = Join-Path $deploymentDir 'deploy.json'

$steps = [Collections.Generic.List[object]]::new()
if (-not $SkipFirmware) {
    $steps.Add(@{
            Title       = "flashing the nanoCLR firmware $Target"
            CommandLine = @('nanoff', '--update', '--target', $Target, '--serialport', $Port)
            Failure     = 'check the port; if nanoff cannot reach the chip, hold BOOT while resetting the board and run flash.ps1 again'
        })
}
$steps.Add(@{
        Title       = "deploying the application $(Split-Path -Leaf $imagePath)"
        CommandLine = @('nanoff', '--deploy', '--image', $imagePath, '--target', $Target, '--serialport', $Port)
        Failure     = "check the port and that $Target is the board's target; if nanoff cannot reach the chip, hold BOOT while resetting the board and run flash.ps1 again"
    })
$steps.Add(@{
        Title       = "placing $DeviceConfigPath and $DeviceCaPath on the board"
        CommandLine = @('nanoff', '--filedeployment', $deploymentJsonPath)
        Failure     = 'nanoff places the files through the running nanoCLR: reset the board, let it boot, then run flash.ps1 again with -SkipFirmware'
    })

$nanoff = Get-Command nanoff -ErrorAction SilentlyContinue | Select-Object -First 1
$imageMissing = "the application image is missing: $imagePath. Build nf.sln in Release (Visual Studio or VS Code with the nanoFramework extension), or give the image with -Image."

if ($dryRun) {
    if ($null -eq $nanoff) {
        Write-FlashWarning "nanoff is not installed; install it with: $NanoffInstall"
    }
    if (-not (Test-Path -LiteralPath $imagePath -PathType Leaf)) {
        Write-FlashWarning $imageMissing
    }
    Write-Host "What if: flash.ps1 would run these commands ($Board, target $Target, port $Port):"
    foreach ($step in $steps) {
        Write-Host (Format-CommandLine $step.CommandLine)
    }
    Write-Host "What if: $(Split-Path -Leaf $deploymentJsonPath) would place $configPath (validated) at $DeviceConfigPath and $caPath at $DeviceCaPath."
    exit 0
}

if ($null -eq $nanoff) {
    Stop-Flash "nanoff (the nanoFramework firmware flasher) is not installed or not on PATH. Install it with:`n    $NanoffInstall`nthen open a new terminal so that PATH includes the .NET tools folder, and run flash.ps1 again."
}
if (-not (Test-Path -LiteralPath $imagePath -PathType Leaf)) {
    Stop-Flash $imageMissing
}

# --- Flash ------------------------------------------------------------------------------------------------

try {
    New-Item -ItemType Directory -Path $deploymentDir -Force | Out-Null
    [IO.File]::WriteAllText($deployedConfigPath, $config.Text, [Text.UTF8Encoding]::new($false))
    $deployment = [ordered]@{
        serialport = $Port
        files      = @(
            [ordered]@{ DestinationFilePath = $DeviceConfigPath; SourceFilePath = $deployedConfigPath },
            [ordered]@{ DestinationFilePath = $DeviceCaPath; SourceFilePath = $caPath }
        )
    }
    [IO.File]::WriteAllText($deploymentJsonPath, ($deployment | ConvertTo-Json -Depth 4), [Text.UTF8Encoding]::new($false))

    $number = 0
    foreach ($step in $steps) {
        $number++
        $commandLine = Format-CommandLine $step.CommandLine
        if (-not $PSCmdlet.ShouldProcess($commandLine, "Run nanoff ($($step.Title))?", 'flash.ps1')) {
            Write-Host "==> [$number/$($steps.Count)] skipped: $($step.Title)"
            continue
        }
        Write-Host "==> [$number/$($steps.Count)] $($step.Title)"
        Write-Host $commandLine
        $arguments = $step.CommandLine[1..($step.CommandLine.Count - 1)]
        & $nanoff @arguments
        $exitCode = $LASTEXITCODE
        if ($exitCode -ne 0) {
            Stop-Flash "nanoff failed with exit code $exitCode while $($step.Title); stopped here. See nanoff's output above; $($step.Failure)."
        }
    }
    Write-Host "Done: $Board ($Target) on $Port is flashed; the firmware reads $DeviceConfigPath when it starts."
}
finally {
    Remove-Item -LiteralPath $deploymentDir -Recurse -Force -ErrorAction SilentlyContinue
}
