using System.Text;
using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Token;
using CellularIot.Net.Http;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The onboarding answer (CSV or JSON, chosen by the content type and the body) as the session takes it: only
/// <see cref="OnboardingException"/> escapes <see cref="OnboardingResponse.Interpret"/>; a login it returns passes
/// the session's check or fails it with <see cref="FormatException"/>; one that passes is kept, reads back from
/// flash the same, and can be used: its endpoint fits a request and an AT command, its parameters fit headers.
/// </summary>
public sealed class OnboardingTarget(string name, string contentType) : IFuzzTarget
{
    private static readonly int[] Statuses = [200, 201, 204, 400, 401, 403, 404, 429, 500, 503];

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Description => "OnboardingResponse.Interpret with " + contentType + " bodies, then the session's login check and store";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        string user = "8988228066612345678?x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature=AbC%2Bde%2Ffg%2BHi%3D%3D&token=eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MTQ2NTEyMDB9.c2ln";
        string endpoint = "a18ri6znfabcde-ats.iot.eu-west-3.amazonaws.com";
        string ca = "https://www.amazontrust.com/repository/AmazonRootCA1.pem";
        if (contentType.Contains("csv", StringComparison.Ordinal))
        {
            yield return Seed(0, $"\"{user}\",\"{endpoint}\",\"8988228066612345678\",\"{ca}\"\n");
            yield return Seed(0, $"username,endpoint,clientId,caUrl\n{user},{endpoint},8988228066612345678,{ca},extra\n");
            yield return Seed(7, "{\"statusText\":\"Service Unavailable\"}");
        }
        else
        {
            yield return Seed(0, $"{{\"username\":\"{user}\",\"amazonEndpoint\":\"{endpoint}\",\"clientId\":\"8988228066612345678\",\"amazonRootCaUrl\":\"{ca}\"}}");
            yield return Seed(0, $"{{\"username\":\"{user}\\ud800\",\"amazonEndpoint\":\"{endpoint}\",\"clientId\":\"8988228066612345678\",\"amazonRootCaUrl\":\"{ca}\"}}");
            yield return Seed(4, "{\"statusText\":\"not found\",\"code\":404}");
        }
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int pick = input.Below(Statuses.Length + 1);
        int status = pick < Statuses.Length ? Statuses[pick] : 100 + input.Below(500);
        string type = input.Bool() ? input.Text(40) : contentType;
        byte[] body = input.Rest();
        var headers = new HttpHeaders();
        headers.Add("Content-Type", type.Length > 0 && type.All(c => c >= 0x20 && c < 0x7F) ? type : contentType);
        var response = new HttpResponse(1, status, "Reason", headers, body);

        OnboardingResult login;
        try
        {
            login = OnboardingResponse.Interpret(response);
        }
        catch (OnboardingException)
        {
            return;
        }

        FuzzFindingException.Check(status >= 200 && status < 300, "a login from status " + status);
        try
        {
            CustomAuthUsername.Parse(login.Username);
        }
        catch (FormatException)
        {
            // The session refuses this login before it keeps it.
            return;
        }

        RootCaCheck.Check(login.AmazonRootCaUrl);
        CheckUsable(login);
        var blobs = new MemoryBlobStore();
        var clock = new ManualClock();
        new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), NullLog.Instance).Accept(login);
        var restored = new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), NullLog.Instance);
        restored.RestoreFromStore();
        FuzzFindingException.Check(restored.Current != null, "an accepted login did not read back from flash");
        OnboardingResult back = restored.Current.Credentials;
        FuzzFindingException.Check(
            back.Username == login.Username && back.EndpointHost == login.EndpointHost && back.ClientId == login.ClientId && back.AmazonRootCaUrl == login.AmazonRootCaUrl,
            "the login read back differently");
    }

    /// <summary>What the session does with an accepted login must not throw: the endpoint goes into a WebSocket upgrade and an AT command, the parameters into headers.</summary>
    internal static void CheckUsable(OnboardingResult login)
    {
        CustomAuthUsername username = CustomAuthUsername.Parse(login.Username);
        var request = new HttpRequest(login.EndpointHost, "/mqtt");
        username.AddWebSocketHeaders(request.Headers);
        HttpRequestWriter.Format(request);
        new CellularIot.At.AtCommand(600, 64, 2).Begin("AT+CSSLCFG=\"sni\",0,").AppendQuoted(login.EndpointHost);
        Encoding.ASCII.GetByteCount(login.EndpointHost);
    }

    private static byte[] Seed(byte status, string body) => [status, 0, .. Encoding.UTF8.GetBytes(body)];
}
