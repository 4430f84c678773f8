using System.Text;
using CellularIot.Cloud.Mqtt;
using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Token;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The login's text: the custom-authorizer username (only <see cref="FormatException"/>; one it accepts fits the
/// WebSocket upgrade's headers and an MQTT CONNECT), the JWT's expiry (never throws), and the stored token record
/// (only <see cref="FormatException"/>; a record it reads encodes back to the same bytes).
/// </summary>
public sealed class TokenTarget : IFuzzTarget
{
    private const string Iccid = "8988228066612345678";

    /// <inheritdoc/>
    public string Name => "token";

    /// <inheritdoc/>
    public string Description => "CustomAuthUsername.Parse, JwtExpiry.TryRead, TokenRecordCodec.Decode";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI4OTg4IiwiZXhwIjoxNzE0NjUxMjAwfQ.c2lnbmF0dXJl";
        yield return [0, .. Encoding.ASCII.GetBytes(Iccid + "?x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature=AbC%2Bde%2Ffg%2BHi%3D%3D&token=" + jwt)];
        yield return [0, .. Encoding.ASCII.GetBytes(Iccid + "%3Fx-amz-customauthorizer-name%3Da%26x-amz-customauthorizer-signature%3Db%26token%3Dc")];
        yield return [0, .. Encoding.ASCII.GetBytes("x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&=c&to%20ken=d%0D%0A")];
        yield return [1, .. Encoding.ASCII.GetBytes(jwt)];
        yield return [1, .. Encoding.ASCII.GetBytes("e30.eyJleHAiOjk5OTk5OTk5OTk5OTk5OTk5fQ.x")];
        var login = new OnboardingResult(Iccid + "?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&token=" + jwt, "a-ats.iot.eu-west-1.amazonaws.com", Iccid, "https://www.amazontrust.com/repository/AmazonRootCA1.pem");
        yield return [2, .. TokenRecordCodec.Encode(new TokenRecord(login, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc)))];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        switch (input.Below(3))
        {
            case 0:
                Username(input.RestAsText());
                break;
            case 1:
                string jwt = input.RestAsText();
                if (JwtExpiry.TryRead(jwt, out DateTime expires))
                {
                    FuzzFindingException.Check(expires.Year >= 1970, "an expiry before 1970");
                }

                break;
            default:
                Record(input.Rest());
                break;
        }
    }

    private static void Username(string text)
    {
        CustomAuthUsername username;
        try
        {
            username = CustomAuthUsername.Parse(text);
        }
        catch (FormatException)
        {
            return;
        }

        var headers = new CellularIot.Net.Http.HttpHeaders();
        username.AddWebSocketHeaders(headers);
        var request = new CellularIot.Net.Http.HttpRequest("a-ats.iot.eu-west-1.amazonaws.com", "/mqtt");
        username.AddWebSocketHeaders(request.Headers);
        CellularIot.Net.Http.HttpRequestWriter.Format(request);
        _ = username.HttpsQuery;
        try
        {
            var client = new MqttClient(new MqttSettings(Iccid, text), new CellularIot.Tests.Support.ManualClock(), NullLog.Instance, new NullMqttListener());
            FuzzFindingException.Check(!client.IsConnected, "a new client is connected");
        }
        catch (MqttException ex) when (ex.Error == MqttError.PacketTooLarge)
        {
            // Declared: a username this long does not fit the CONNECT buffer; the session reports it as such.
        }
    }

    private static void Record(byte[] bytes)
    {
        TokenRecord record;
        try
        {
            record = TokenRecordCodec.Decode(bytes, 0, bytes.Length);
        }
        catch (FormatException)
        {
            return;
        }

        byte[] again = TokenRecordCodec.Encode(record);
        TokenRecord back = TokenRecordCodec.Decode(again, 0, again.Length);
        FuzzFindingException.Check(
            back.FetchedAtUtc == record.FetchedAtUtc && back.Credentials.Username == record.Credentials.Username && back.Credentials.EndpointHost == record.Credentials.EndpointHost
            && back.Credentials.ClientId == record.Credentials.ClientId && back.Credentials.AmazonRootCaUrl == record.Credentials.AmazonRootCaUrl,
            "a record does not survive encoding again");
    }
}
