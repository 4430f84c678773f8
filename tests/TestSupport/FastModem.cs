using System.Reflection;
using CellularIot.At;
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

    // The timings both drivers have. Their settings share these names but no type (each driver's settings are its own
    // class in firmware/), so the one list is written by name; a name a driver's settings lack fails at once.
    private static void SetSharedTimings(object driver, int probeTimeoutMs, int attachTimeoutMs)
    {
        ArgumentNullException.ThrowIfNull(driver);
        (string Name, int Value)[] timings =
        [
            (nameof(Sim7080Settings.PowerKeyPulseMs), 30),
            (nameof(Sim7080Settings.BootTimeoutMs), 2000),
            (nameof(Sim7080Settings.BootProbeIntervalMs), 100),
            (nameof(Sim7080Settings.ProbeTimeoutMs), probeTimeoutMs),
            (nameof(Sim7080Settings.ProbeAttempts), 2),
            (nameof(Sim7080Settings.SyncAttempts), 5),
            (nameof(Sim7080Settings.PowerOffSettleMs), 50),
            (nameof(Sim7080Settings.CommandTimeoutMs), 1000),
            (nameof(Sim7080Settings.AttachTimeoutMs), attachTimeoutMs),
            (nameof(Sim7080Settings.RegistrationPollMs), 100),
            (nameof(Sim7080Settings.DataTimeoutMs), 2000),
            (nameof(Sim7080Settings.SocketOpenTimeoutMs), 8000),
            (nameof(Sim7080Settings.SendTimeoutMs), 3000),
            (nameof(Sim7080Settings.ReceiveCommandTimeoutMs), 1000),
            (nameof(Sim7080Settings.FileTimeoutMs), 3000),
            (nameof(Sim7080Settings.ResetTimeoutMs), 500),
            (nameof(Sim7080Settings.PowerDownTimeoutMs), 500),
        ];
        foreach ((string name, int value) in timings)
        {
            PropertyInfo property = driver.GetType().GetProperty(name)
                ?? throw new ArgumentException($"{driver.GetType().Name} has no {name}", nameof(driver));
            property.SetValue(driver, value);
        }
    }
}
