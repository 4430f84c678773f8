using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Session;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;

namespace CellularIot.EndToEnd.Tests.Support;

/// <summary>
/// Short times on every side, so a boot, an onboarding and a connection take well under a second and a backoff a
/// few hundred milliseconds; the telemetry interval is the shortest the firmware allows, one second.
/// </summary>
internal static class Fast
{
    public const int IntervalSeconds = 1;

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

    public static void Driver(Sim7080Settings driver)
    {
        driver.PowerKeyPulseMs = 30;
        driver.BootTimeoutMs = 2000;
        driver.BootProbeIntervalMs = 100;
        driver.ProbeTimeoutMs = 150;
        driver.ProbeAttempts = 2;
        driver.SyncAttempts = 5;
        driver.PowerOffSettleMs = 50;
        driver.CommandTimeoutMs = 1000;
        driver.AttachTimeoutMs = 2000;
        driver.RegistrationPollMs = 100;
        driver.DataTimeoutMs = 2000;
        driver.DataPollMs = 50;
        driver.SocketOpenTimeoutMs = 8000;
        driver.SendTimeoutMs = 3000;
        driver.ReceiveCommandTimeoutMs = 1000;
        driver.ReceivePollMs = 200;
        driver.FileTimeoutMs = 3000;
        driver.ResetTimeoutMs = 500;
        driver.PowerDownTimeoutMs = 500;
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
