using CellularIot.At;
using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Session;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// Short times on every side, so that a boot, an onboarding and a connection take a fraction of a second and a
/// backoff 100-500 ms. The network time is the host's (null): the simulated cloud signs its tokens with the host's
/// clock, and the device learns its time from the modem, as on a real network.
/// </summary>
internal static class Fast
{
    public const string Apn = "iot.1nce.net";

    /// <summary>The long wait after a 404; no test waits it out.</summary>
    public const int SimInactiveDelayMs = 60_000;

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

    public static Sim7080Settings Driver() => new()
    {
        Apn = Apn,
        PowerKeyPulseMs = 30,
        BootTimeoutMs = 2000,
        BootProbeIntervalMs = 100,
        ProbeTimeoutMs = 50,
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

    public static SessionSettings Session() => new()
    {
        Apn = Apn,
        Transport = TransportChoice.Auto,
        ReconnectInitialDelayMs = 100,
        ReconnectMaxDelayMs = 500,
        JitterPercent = 25,
        PingTimeoutMs = 1000,
        OnboardingRetry = new OnboardingRetrySettings
        {
            InitialDelayMs = 200,
            MaxDelayMs = 500,
            JitterPercent = 25,
            SimInactiveDelayMs = SimInactiveDelayMs,
        },
    };
}
