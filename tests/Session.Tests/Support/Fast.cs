using CellularIot.At;
using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Session;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;
using CellularIot.TestSupport;

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

    public static ModemSimOptions Simulator() => FastModem.Simulator();

    public static Sim7080Settings Driver() => FastModem.Driver(new Sim7080Settings { Apn = Apn }, probeTimeoutMs: 50, attachTimeoutMs: 3000);

    public static AtChannelSettings Channel() => FastModem.Channel();

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
