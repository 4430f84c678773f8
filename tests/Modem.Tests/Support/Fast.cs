using CellularIot.At;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;
using CellularIot.TestSupport;

namespace CellularIot.Modem.Tests.Support;

/// <summary>Short times on both sides, so that the driver and the simulator meet in milliseconds rather than seconds.</summary>
internal static class Fast
{
    /// <summary>
    /// The network's time: years from the host's, so that a driver reading the host clock, or TLS checked at the
    /// host's time, would show. Its zone (+02:00) checks the quarter-hour conversion.
    /// </summary>
    public static readonly DateTimeOffset NetworkTime = new(2031, 7, 1, 12, 0, 0, TimeSpan.FromHours(2));

    public const string Apn = "iot.1nce.net";

    /// <summary>The module boots in tens of milliseconds and roams after 50 ms of searching.</summary>
    public static ModemSimOptions Simulator() => FastModem.Simulator() with { NetworkTime = NetworkTime };

    public static Sim7080Settings Driver() => FastModem.Driver(new Sim7080Settings(), probeTimeoutMs: 150, attachTimeoutMs: 3000);

    public static AtChannelSettings Channel() => FastModem.Channel();
}
