using System.Net;
using CellularIot.ModemSim;

namespace CellularIot.Runner;

/// <summary>What a <see cref="SimulatedWorld"/> looks like; the defaults are the runner's demo.</summary>
public sealed class WorldOptions
{
    /// <summary>The demo SIM's ICCID (19 digits, as 1NCE's are).</summary>
    public const string DefaultIccid = "8988228066612345678";

    /// <summary>The SIM's ICCID: the MQTT client ID and the first level of every topic.</summary>
    public string Iccid { get; init; } = DefaultIccid;

    /// <summary>
    /// The source address of the SIM's connections, by which the onboarding API knows it: 127.0.0.2, or 127.0.0.1 on
    /// macOS, whose loopback has no other address unless one is added.
    /// </summary>
    public IPAddress SimAddress { get; init; } = OperatingSystem.IsMacOS() ? IPAddress.Loopback : IPAddress.Parse("127.0.0.2");

    /// <summary>The module the simulator plays: a SIM7080G (the default), a BG95 or a BG96.</summary>
    public ModemModel Model { get; init; } = ModemModel.Sim7080;

    /// <summary>Whether the simulated module plays a firmware that sends ALPN (then MQTT over TLS is possible); otherwise the standard one, without.</summary>
    public bool ModemAlpn { get; init; }

    /// <summary>
    /// Whether the simulated module behaves like a field module (<see cref="ModemProfile.Field"/>: noise, a busy SIM,
    /// unsolicited lines without '+', both CARECV forms, short reads, a missing OK, ...) rather than the standard one.
    /// Its slow boot is <see cref="ModemSimOptions.WithFieldTiming"/> on <see cref="Simulator"/>.
    /// </summary>
    public bool FieldModem { get; init; }

    /// <summary>Whether the firmware reaches the modem through a real pty and System.IO.Ports (Linux) instead of an in-memory line.</summary>
    public bool OverPty { get; init; }

    /// <summary>
    /// Whether the firmware reaches the modem through the Board layer's SerialPortLink over a model of nanoFramework's
    /// ESP32 SerialPort (host/Esp32Model), so the run fails where the board's serial driver would make it fail.
    /// </summary>
    public bool OverBoardModel { get; init; }

    /// <summary>The serial speed the firmware opens the pty with.</summary>
    public int BaudRate { get; init; } = 115200;

    /// <summary>How long the cloud's tokens live (1NCE: 24 hours).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The largest message payload IoT Core takes (AWS: 128 KB); a larger HTTPS post is answered 413.</summary>
    public int MaxPayloadBytes { get; init; } = 128 * 1024;

    /// <summary>
    /// The simulated module's timing and behaviour; the world sets its profile, ICCID, host map and source address.
    /// The defaults are close to a real SIM7080G; tests shorten them.
    /// </summary>
    public ModemSimOptions Simulator { get; init; } = new();
}
