using CellularIot.At;
using CellularIot.Modem;
using CellularIot.Modem.Quectel;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;

namespace CellularIot.TestSupport;

/// <summary>
/// Short times on both sides of the serial line, so that the driver and the simulator meet in milliseconds rather
/// than seconds: the module boots in tens of milliseconds and roams after 50 ms of searching, and the driver's
/// timeouts are cut to match. The suites differ only in how long a probe and an attach may take.
/// </summary>
public static class FastModem
{
    /// <summary>The simulator's fast timings; a suite adds its own with <c>with { }</c>.</summary>
    public static ModemSimOptions Simulator() => new()
    {
        BootDelayMs = 20,
        BootUrcIntervalMs = 5,
        PowerKeyMinPulseMs = 20,
        PdpActivationDelayMs = 20,
        ConnectTimeoutMs = 5000,
        DefaultSendInputTimeoutMs = 2000,
        RegistrationScript = [new(2, 50), new(5, 0)],
    };

    /// <summary>Sets the driver's timings in <paramref name="driver"/> and returns it.</summary>
    public static Sim7080Settings Driver(Sim7080Settings driver, int probeTimeoutMs, int attachTimeoutMs)
    {
        SetSharedTimings(driver, probeTimeoutMs, attachTimeoutMs);
        driver.DataPollMs = 50;
        driver.SendFinalQuietMs = 200;
        driver.SimPollMs = 50;
        return driver;
    }

    /// <summary>Sets the Quectel driver's timings in <paramref name="driver"/> to the same as the SIM7080G's, and returns it.</summary>
    public static QuectelSettings Driver(QuectelSettings driver, int probeTimeoutMs, int attachTimeoutMs)
    {
        SetSharedTimings(driver, probeTimeoutMs, attachTimeoutMs);
        return driver;
    }

    /// <summary>The AT channel polling its link every 20 ms with a 1 ms guard time.</summary>
    public static AtChannelSettings Channel() => new()
    {
        PollMs = 20,
        GuardTimeMs = 1,
    };

    // The timings both drivers have, on the settings they share.
    private static void SetSharedTimings(ModemSettings driver, int probeTimeoutMs, int attachTimeoutMs)
    {
        ArgumentNullException.ThrowIfNull(driver);
        driver.PowerKeyPulseMs = 30;
        driver.BootTimeoutMs = 2000;
        driver.BootProbeIntervalMs = 100;
        driver.ProbeTimeoutMs = probeTimeoutMs;
        driver.ProbeAttempts = 2;
        driver.SyncAttempts = 5;
        driver.PowerOffSettleMs = 50;
        driver.CommandTimeoutMs = 1000;
        driver.AttachTimeoutMs = attachTimeoutMs;
        driver.RegistrationPollMs = 100;
        driver.DataTimeoutMs = 2000;
        driver.SocketOpenTimeoutMs = 8000;
        driver.SendTimeoutMs = 3000;
        driver.ReceiveCommandTimeoutMs = 1000;
        driver.FileTimeoutMs = 3000;
        driver.ResetTimeoutMs = 500;
        driver.PowerDownTimeoutMs = 500;
    }
}
