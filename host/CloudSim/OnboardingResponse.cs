using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CellularIot.CloudSim;

/// <summary>What 1NCE's onboarding endpoint answers: an IoT Core login for one SIM.</summary>
/// <param name="Username">The MQTT username: <c>prefix?x-amz-customauthorizer-name=..&amp;x-amz-customauthorizer-signature=..&amp;token=..</c>.</param>
/// <param name="IotCoreEndpointUrl">The IoT Core data endpoint host name.</param>
/// <param name="ClientId">The ICCID.</param>
/// <param name="AmazonRootCaUrl">Where the Amazon root CA can be fetched.</param>
public sealed record OnboardingResponse(string Username, string IotCoreEndpointUrl, string ClientId, string AmazonRootCaUrl)
{
    // Express (1NCE's server) does not escape '&', '+' or '=' in JSON strings; the default encoder would.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value of one field.</summary>
    public string Get(OnboardingField field) => field switch
    {
        OnboardingField.Username => Username,
        OnboardingField.IotCoreEndpointUrl => IotCoreEndpointUrl,
        OnboardingField.ClientId => ClientId,
        OnboardingField.AmazonRootCaUrl => AmazonRootCaUrl,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown onboarding field."),
    };

    /// <summary>The JSON body: <c>{"username":..,"iotCoreEndpointUrl":..,"clientId":..,"amazonRootCaUrl":..}</c>.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("username", Username);
            writer.WriteString("iotCoreEndpointUrl", IotCoreEndpointUrl);
            writer.WriteString("clientId", ClientId);
            writer.WriteString("amazonRootCaUrl", AmazonRootCaUrl);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The CSV body: one line, no header row, every field double-quoted (RFC 4180: a quote is doubled) and a newline
    /// inside a value written as a literal backslash-n, as 1NCE's sister endpoint writes its certificates.
    /// </summary>
    public string ToCsv(IReadOnlyList<OnboardingField> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return string.Join(',', columns.Select(c => Quote(Get(c))));
    }

    private static string Quote(string value)
        => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
