namespace CellularIot.CloudSim;

/// <summary>The four fields of a 1NCE onboarding answer; the CSV column order is a list of these.</summary>
public enum OnboardingField
{
    /// <summary>The MQTT username carrying the custom-authorizer name, signature and token.</summary>
    Username,

    /// <summary>The IoT Core data endpoint host name.</summary>
    IotCoreEndpointUrl,

    /// <summary>The ICCID, to be used as the MQTT client ID.</summary>
    ClientId,

    /// <summary>Where the Amazon root CA can be fetched.</summary>
    AmazonRootCaUrl,
}
