namespace CellularIot.CloudSim;

/// <summary>Which simulated server a connection reached.</summary>
public enum CloudService
{
    /// <summary>1NCE's onboarding API (<c>device.connectivity-suite.cloud</c>).</summary>
    Onboarding,

    /// <summary>The AWS IoT Core data endpoint (one TLS port, routed by ALPN).</summary>
    IotCore,
}
