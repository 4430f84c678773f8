namespace CellularIot.Tests.Cloud.Onboarding
{
    using System;
    using CellularIot.Text;

    /// <summary>Values shaped like 1NCE's onboarding answer, shared by the Cloud tests.</summary>
    public static class OnboardingSamples
    {
        public const string Iccid = "8988228066612345678";
        public const string Endpoint = "a18ri6znfabcde-ats.iot.eu-west-3.amazonaws.com";
        /// <summary>The value of a column the firmware does not know (index 4 in <see cref="CsvLine"/>).</summary>
        public const string UnknownValue = "extra value";

        /// <summary>The column index of <see cref="UnknownValue"/> in <see cref="CsvLine"/>.</summary>
        public const int UnknownColumn = 4;

        public const string RootCaUrl = "https://www.amazontrust.com/repository/AmazonRootCA1.pem";

        /// <summary>A signature whose base64 holds '+', '/' and '=', URL-encoded as the username carries it.</summary>
        public const string EncodedSignature = "AbC%2Bde%2Ffg%2BHi%3D%3D";
        public const string DecodedSignature = "AbC+de/fg+Hi==";

        /// <summary>A JWT expiring at 2024-05-02T12:00:00Z (1714651200), 24 h after <see cref="FetchTime"/>.</summary>
        public static string Jwt
        {
            get { return MakeJwt("{\"sub\":\"" + Iccid + "\",\"iat\":1714564800,\"exp\":1714651200}"); }
        }

        /// <summary>2024-05-01T12:00:00Z, the sample fetch time.</summary>
        public static DateTime FetchTime
        {
            get { return new DateTime(2024, 5, 1, 12, 0, 0); }
        }

        /// <summary>The username as 1NCE returns it: "ICCID?name&amp;signature&amp;token".</summary>
        public static string Username
        {
            get { return UsernameWith(Jwt); }
        }

        public static string UsernameWith(string jwt)
        {
            return Iccid + "?x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature=" + EncodedSignature + "&token=" + jwt;
        }

        /// <summary>A JWT with <paramref name="payloadJson"/> as its payload and a dummy signature.</summary>
        public static string MakeJwt(string payloadJson)
        {
            return Base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + Base64Url(payloadJson) + ".c2lnbmF0dXJl";
        }

        public static string Base64Url(string text)
        {
            char[] chars = Convert.ToBase64String(CellularIot.Bytes.Utf8.GetBytes(text)).ToCharArray();
            int length = chars.Length;
            while (length > 0 && chars[length - 1] == '=')
            {
                length--;
            }

            for (int i = 0; i < length; i++)
            {
                chars[i] = chars[i] == '+' ? '-' : (chars[i] == '/' ? '_' : chars[i]);
            }

            return new string(chars, 0, length);
        }

        /// <summary>The four fields as one CSV line in the given column order (0 username, 1 endpoint, 2 ICCID, 3 CA URL), all quoted.</summary>
        public static string CsvLine(int[] order)
        {
            string[] fields = { Username, Endpoint, Iccid, RootCaUrl, UnknownValue };
            string line = string.Empty;
            for (int i = 0; i < order.Length; i++)
            {
                line += (i > 0 ? "," : string.Empty) + "\"" + fields[order[i]] + "\"";
            }

            return line + "\r\n";
        }
    }
}
