using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Modem.Sim7080;

namespace CellularIot.Session.Tests.Support;

/// <summary>How the MQTT session reaches the cloud in a test; the modem's profile follows from it.</summary>
public enum Transport
{
    /// <summary>MQTT over TLS with ALPN mqtt, on the simulator's ALPN-capable profile.</summary>
    MqttTls,

    /// <summary>MQTT over WebSocket, on the standard profile (no ALPN).</summary>
    WebSocket,
}

/// <summary>What one <see cref="SessionRig"/> looks like; the defaults are the plain case.</summary>
internal sealed class RigSetup
{
    public Transport Transport { get; init; } = Transport.MqttTls;

    /// <summary>
    /// Whether the test needs a cloud of its own although it changes no cloud setting (it injects onboarding faults,
    /// which hit every SIM). A setting other than the default (token lifetime, CSV columns) implies one.
    /// </summary>
    public bool OwnCloud { get; init; }

    /// <summary>How long the cloud's tokens live.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The cloud's CSV column order; null for its default.</summary>
    public IReadOnlyList<OnboardingField>? CsvColumns { get; init; }

    /// <summary>Whether the SIM is active at the onboarding API.</summary>
    public bool SimActive { get; init; } = true;

    /// <summary>Whether the IoT endpoint is reached through a <see cref="LinkBreaker"/>.</summary>
    public bool ThroughBreaker { get; init; }

    /// <summary>Filters below &lt;ICCID&gt;/ the session subscribes to on every connection.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = ["commands/#"];

    /// <summary>Changes to the fast session settings.</summary>
    public Action<SessionSettings>? Session { get; init; }

    /// <summary>Changes to the fast driver settings.</summary>
    public Action<Sim7080Settings>? Driver { get; init; }

    /// <summary>The CA (PEM) the device trusts; null for the cloud's own.</summary>
    public byte[]? TrustedCaPem { get; init; }

    /// <summary>The time the network gives the modem; null for the host's clock.</summary>
    public DateTimeOffset? NetworkTime { get; init; }
}
