using CellularIot.At;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;

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
    public static ModemSimOptions Simulator() => new()
    {
        BootDelayMs = 20,
        BootUrcIntervalMs = 5,
        PowerKeyMinPulseMs = 20,
        PdpActivationDelayMs = 20,
        ConnectTimeoutMs = 5000,
        DefaultSendInputTimeoutMs = 2000,
        RegistrationScript = [new(2, 50), new(5, 0)],
        NetworkTime = NetworkTime,
    };

    public static Sim7080Settings Driver() => new()
    {
        PowerKeyPulseMs = 30,
        BootTimeoutMs = 2000,
        BootProbeIntervalMs = 100,
        ProbeTimeoutMs = 150,
        ProbeAttempts = 2,
        SyncAttempts = 5,
        PowerOffSettleMs = 50,
        CommandTimeoutMs = 1000,
        AttachTimeoutMs = 3000,
        RegistrationPollMs = 100,
        DataTimeoutMs = 2000,
        DataPollMs = 50,
        SocketOpenTimeoutMs = 8000,
        SendTimeoutMs = 3000,
        ReceiveCommandTimeoutMs = 1000,
        ReceivePollMs = 200,
        FileTimeoutMs = 3000,
        ResetTimeoutMs = 500,
        PowerDownTimeoutMs = 500,
    };

    public static AtChannelSettings Channel() => new()
    {
        PollMs = 20,
        GuardTimeMs = 1,
    };
}
