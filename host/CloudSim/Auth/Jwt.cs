using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CellularIot.CloudSim.Auth;

/// <summary>RS256 JSON Web Tokens as 1NCE issues them: header <c>{"alg":"RS256","typ":"JWT"}</c>, claims iccid, iat, exp.</summary>
internal static class Jwt
{
    private const string Header = """{"alg":"RS256","typ":"JWT"}""";

    /// <summary>Signs a token for <paramref name="iccid"/> valid from <paramref name="issuedAt"/> to <paramref name="expires"/>.</summary>
    public static string Create(RSA key, string iccid, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iccid", iccid);
            writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        string signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Header)) + "." + Base64Url.EncodeToString(payload.ToArray());
        byte[] signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Checks the token's form, RS256 signature and expiry; on success gives its iccid claim and expiry.</summary>
    public static JwtCheck Verify(RSA publicKey, string token, DateTimeOffset now)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            return JwtCheck.Fail("the token is not a JWT (three dot-separated parts)");
        }

        byte[] header;
        byte[] payload;
        byte[] signature;
        try
        {
            header = Base64Url.DecodeFromChars(parts[0]);
            payload = Base64Url.DecodeFromChars(parts[1]);
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return JwtCheck.Fail("the JWT has a part that is not base64url");
        }

        try
        {
            using (JsonDocument headerJson = JsonDocument.Parse(header))
            {
                if (!headerJson.RootElement.TryGetProperty("alg", out JsonElement alg) || alg.ValueKind != JsonValueKind.String
                    || alg.GetString() != "RS256")
                {
                    return JwtCheck.Fail("the JWT header's alg is not RS256");
                }
            }

            byte[] signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!publicKey.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return JwtCheck.Fail("the JWT's RS256 signature does not verify with the issuer's key");
            }

            using JsonDocument claims = JsonDocument.Parse(payload);
            JsonElement root = claims.RootElement;
            if (!root.TryGetProperty("exp", out JsonElement exp) || !exp.TryGetInt64(out long expSeconds))
            {
                return JwtCheck.Fail("the JWT has no numeric exp claim");
            }

            if (!root.TryGetProperty("iccid", out JsonElement iccid) || iccid.ValueKind != JsonValueKind.String)
            {
                return JwtCheck.Fail("the JWT has no iccid claim");
            }

            DateTimeOffset expires = DateTimeOffset.FromUnixTimeSeconds(expSeconds);
            if (now >= expires)
            {
                return JwtCheck.Fail($"the token expired at {expires:u}");
            }

            return new JwtCheck(true, "valid", iccid.GetString(), expires);
        }
        catch (JsonException)
        {
            return JwtCheck.Fail("the JWT header or payload is not JSON");
        }
    }
}
