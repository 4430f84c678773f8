using System.Net;

namespace CellularIot.CloudSim;

/// <summary>
/// Settings of a <see cref="SimulatedCloud"/>. The defaults are 1NCE's and AWS's; tests shorten the durations so
/// that time-dependent rules (token life, keep-alive, disconnect-after) run in seconds.
/// </summary>
public sealed class SimulatedCloudOptions
{
    /// <summary>The SIMs the onboarding API knows (ICCID, source address, active flag).</summary>
    public IReadOnlyList<SimCard> Sims { get; init; } = [];

    /// <summary>The address the onboarding API listens on.</summary>
    public IPAddress OnboardingAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The onboarding API's port; 0 picks a free one.</summary>
    public int OnboardingPort { get; init; }

    /// <summary>The address the IoT Core endpoint listens on.</summary>
    public IPAddress IotAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The IoT Core endpoint's port (AWS's 443); 0 picks a free one.</summary>
    public int IotPort { get; init; }

    /// <summary>The onboarding API's host name; the only SNI it accepts.</summary>
    public string OnboardingHost { get; init; } = "device.connectivity-suite.cloud";

    /// <summary>The IoT Core data endpoint host name; the only SNI it accepts, and the onboarding answer's endpoint.</summary>
    public string IotHost { get; init; } = "a1b2c3d4e5f6g7-ats.iot.eu-central-1.amazonaws.com";

    /// <summary>The onboarding answer's <c>amazonRootCaUrl</c>.</summary>
    public Uri AmazonRootCaUrl { get; init; } = new("https://www.amazontrust.com/repository/AmazonRootCA1.pem");

    /// <summary>The custom authorizer's name (the <c>x-amz-customauthorizer-name</c> value).</summary>
    public string AuthorizerName { get; init; } = "1nce-authorizer";

    /// <summary>How long an issued token is valid (1NCE: 24 hours).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The lowest keep-alive the broker applies; a lower request is raised to it (AWS: 30 s).</summary>
    public TimeSpan KeepAliveMinimum { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The highest keep-alive the broker applies, and the one used for a request of 0 (AWS: 1200 s).</summary>
    public TimeSpan KeepAliveMaximum { get; init; } = TimeSpan.FromSeconds(1200);

    /// <summary>
    /// How long the broker keeps a persistent session (clean session off) after its client left: its subscriptions
    /// and the QoS 1 messages queued for it (AWS: 1 hour by default, adjustable from 1 minute to 7 days).
    /// </summary>
    public TimeSpan PersistentSessionExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The CSV answer's column order.</summary>
    public IReadOnlyList<OnboardingField> CsvColumns { get; init; } =
        [OnboardingField.Username, OnboardingField.IotCoreEndpointUrl, OnboardingField.ClientId, OnboardingField.AmazonRootCaUrl];

    /// <summary>The longest topic in bytes (AWS: 256).</summary>
    public int MaxTopicBytes { get; init; } = 256;

    /// <summary>The most forward slashes in a topic or filter (AWS: 7).</summary>
    public int MaxTopicSlashes { get; init; } = 7;

    /// <summary>The largest message payload in bytes (AWS: 128 KB).</summary>
    public int MaxPayloadBytes { get; init; } = 128 * 1024;

    /// <summary>Where the CA certificate (<c>ca.pem</c>) is written; null for a fresh temporary folder removed at stop.</summary>
    public string? CertificateDirectory { get; init; }

    /// <summary>How long a client may take to finish the TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an HTTP connection may sit idle between requests (AWS's load balancer: 60 s).</summary>
    public TimeSpan HttpIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock for tokens, keep-alive and expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal string? Problem()
    {
        if (KeepAliveMinimum <= TimeSpan.Zero || KeepAliveMaximum < KeepAliveMinimum)
        {
            return "The keep-alive clamp needs 0 < minimum <= maximum.";
        }

        if (TokenLifetime <= TimeSpan.Zero || PersistentSessionExpiry <= TimeSpan.Zero)
        {
            return "The token lifetime and the session expiry must be positive.";
        }

        if (CsvColumns.Count != 4 || CsvColumns.Distinct().Count() != 4)
        {
            return "The CSV column order must name each of the four fields once.";
        }

        if (MaxTopicBytes <= 0 || MaxTopicSlashes < 0 || MaxPayloadBytes <= 0)
        {
            return "The topic and payload limits must be positive.";
        }

        return null;
    }
}
