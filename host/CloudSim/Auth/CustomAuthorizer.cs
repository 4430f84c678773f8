using System.Security.Cryptography;
using System.Text;

namespace CellularIot.CloudSim.Auth;

/// <summary>
/// The IoT Core custom authorizer 1NCE deploys: AWS checks the token's signature with the authorizer's
/// token-signing public key, then the authorizer checks the JWT (RS256 signature, expiry) and the 1NCE policy's
/// connect rule (client ID equals the ICCID claim).
/// </summary>
internal sealed class CustomAuthorizer(string name, RSA tokenSigningKey, RSA issuerKey, TimeProvider time)
{
    /// <summary>
    /// Decides on <paramref name="credentials"/>; <paramref name="clientId"/> is the MQTT client ID, or null for an
    /// HTTP publish, which has none.
    /// </summary>
    public AuthorizerDecision Authorize(AuthorizerCredentials? credentials, string? clientId)
    {
        if (credentials is null)
        {
            return AuthorizerDecision.Deny("no custom-authorizer credentials (no '?' query in the username, no headers, no query)");
        }

        if (credentials.Name is null)
        {
            return AuthorizerDecision.Deny($"no {AuthorizerCredentials.NameKey} in the {credentials.Source}");
        }

        if (!string.Equals(credentials.Name, name, StringComparison.Ordinal))
        {
            return AuthorizerDecision.Deny($"unknown authorizer '{credentials.Name}' (this account has '{name}')");
        }

        if (string.IsNullOrEmpty(credentials.Token))
        {
            return AuthorizerDecision.Deny($"no {AuthorizerCredentials.TokenKey} in the {credentials.Source}");
        }

        if (string.IsNullOrEmpty(credentials.Signature))
        {
            return AuthorizerDecision.Deny($"no {AuthorizerCredentials.SignatureKey} in the {credentials.Source}");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(credentials.Signature);
        }
        catch (FormatException)
        {
            return AuthorizerDecision.Deny("the signature is not base64 (was it URL-decoded once, or twice?)");
        }

        if (!tokenSigningKey.VerifyData(Encoding.UTF8.GetBytes(credentials.Token), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return AuthorizerDecision.Deny("the signature does not verify with the authorizer's token-signing key");
        }

        JwtCheck jwt = Jwt.Verify(issuerKey, credentials.Token, time.GetUtcNow());
        if (!jwt.Valid)
        {
            return AuthorizerDecision.Deny(jwt.Reason);
        }

        if (clientId is not null && !string.Equals(clientId, jwt.Iccid, StringComparison.Ordinal))
        {
            return AuthorizerDecision.Deny(
                $"client ID '{clientId}' is not the token's iccid '{jwt.Iccid}' (the policy allows iot:Connect on client/<ICCID> only)");
        }

        return new AuthorizerDecision(true, $"credentials from the {credentials.Source} are valid", jwt.Iccid, jwt.Expires);
    }
}
