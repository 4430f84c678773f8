using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Session;
using CellularIot.ModemSim;
using CellularIot.Runner;
using CellularIot.TestSupport;

namespace CellularIot.EndToEnd.Tests.Support;

/// <summary>
/// Short times on every side, so a boot, an onboarding and a connection take well under a second and a backoff a
/// few hundred milliseconds; the telemetry interval is the shortest the firmware allows, one second.
/// </summary>
internal static class Fast
{
    public const int IntervalSeconds = 1;

    /// <summary>Field modules' timing at a twentieth: RDY after 125 ms, boot lines 75 ms apart, 200 ms of searching.</summary>
    public const double FieldTimeScale = 0.05;

    public static ModemSimOptions Simulator() => FastModem.Simulator();

    public static ModemSimOptions FieldSimulator() => FastModem.Simulator().WithFieldTiming(FieldTimeScale);

    public static void Drivers(ModemDrivers drivers)
    {
        FastModem.Driver(drivers.Sim7080, probeTimeoutMs: 150, attachTimeoutMs: 2000);
        FastModem.Driver(drivers.Quectel, probeTimeoutMs: 150, attachTimeoutMs: 2000);
    }

    public static void Session(SessionSettings session)
    {
        session.ReconnectInitialDelayMs = 100;
        session.ReconnectMaxDelayMs = 500;
        session.PingTimeoutMs = 2000;
        session.OnboardingRetry = new OnboardingRetrySettings
        {
            InitialDelayMs = 200,
            MaxDelayMs = 500,
            JitterPercent = 25,
            SimInactiveDelayMs = 60_000,
        };
    }
}
