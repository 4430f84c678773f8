using System.Security.Cryptography;
using System.Text;

namespace CellularIot.CloudSim.Auth;

/// <summary>
/// Makes what 1NCE's onboarding answers: a JWT signed with the issuer's key, its signature made with the
/// authorizer's token-signing key, and the MQTT username that carries both.
/// </summary>
internal sealed class TokenIssuer(RSA issuerKey, RSA tokenSigningKey, SimulatedCloudOptions options)
{
    public OnboardingResponse Issue(string iccid)
    {
        DateTimeOffset now = options.TimeProvider.GetUtcNow();
        string token = Jwt.Create(issuerKey, iccid, now, now + options.TokenLifetime);
        string signature = Convert.ToBase64String(
            tokenSigningKey.SignData(Encoding.UTF8.GetBytes(token), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        // The form the reference describes: a literal '?' and '&', the signature URL-encoded (+ / = as %2B %2F %3D)
        // so that it survives the query decoding AWS applies, and the base64url token needing no encoding.
        string username = iccid
            + "?" + AuthorizerCredentials.NameKey + "=" + Uri.EscapeDataString(options.AuthorizerName)
            + "&" + AuthorizerCredentials.SignatureKey + "=" + Uri.EscapeDataString(signature)
            + "&" + AuthorizerCredentials.TokenKey + "=" + token;
        return new OnboardingResponse(username, options.IotHost, iccid, options.AmazonRootCaUrl.ToString());
    }
}
