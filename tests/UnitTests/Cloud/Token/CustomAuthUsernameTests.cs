namespace CellularIot.Tests.Cloud.Token
{
    using System;
    using CellularIot.Cloud.Token;
    using CellularIot.Net.Http;
    using CellularIot.Tests.Cloud.Onboarding;
    using nanoFramework.TestFramework;

    [TestClass]
    public class CustomAuthUsernameTests
    {
        [TestMethod]
        public void APlainUsernameIsUsedByteForByte()
        {
            string raw = OnboardingSamples.Username;
            CustomAuthUsername username = CustomAuthUsername.Parse(raw);
            Assert.AreEqual(raw, username.MqttUsername);
            Assert.IsFalse(username.WasPercentEncoded);
            Assert.Contains("%2B", username.MqttUsername);
            Assert.AreEqual("1nce-jwt-authorizer", username.AuthorizerName);
            Assert.AreEqual(OnboardingSamples.DecodedSignature, username.Signature);
            Assert.AreEqual("token", username.TokenKeyName);
            Assert.AreEqual(OnboardingSamples.Jwt, username.Token);
        }

        [TestMethod]
        public void AnEscapedUnpairedSurrogateFromJsonOnboardingIsAFormatError()
        {
            // The JSON text is plain ASCII; its \ud800 escape decodes to a lone surrogate, as a server could send.
            string json = "{\"username\":\"" + OnboardingSamples.Iccid + "?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&token=c\\ud800\","
                + "\"iotCoreEndpointUrl\":\"" + OnboardingSamples.Endpoint + "\",\"clientId\":\"" + OnboardingSamples.Iccid + "\","
                + "\"amazonRootCaUrl\":\"" + OnboardingSamples.RootCaUrl + "\"}";
            string username;
            try
            {
                username = CellularIot.Cloud.Onboarding.OnboardingResponse.ParseJson(json).Username;
            }
            catch (CellularIot.Cloud.Onboarding.OnboardingException)
            {
                return;
            }

            Assert.ThrowsException(typeof(FormatException), () => CustomAuthUsername.Parse(username));
        }

        [TestMethod]
        [DataRow("x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&=c")]
        [DataRow("x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&to%20ken=c")]
        [DataRow("x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&token=c%0D%0AX:%20y")]
        [DataRow("x?x-amz-customauthorizer-name=a%C3%A9&x-amz-customauthorizer-signature=b&token=c")]
        [DataRow("x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b%00&token=c")]
        [DataRow("x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&token=%ZZ")]
        public void AParameterThatCannotTravelAsAnUpgradeHeaderIsAFormatError(string username)
        {
            Assert.ThrowsException(typeof(FormatException), () => CustomAuthUsername.Parse(username));
        }

        [TestMethod]
        public void AWhollyEncodedUsernameIsDecodedExactlyOnce()
        {
            string encoded = OnboardingSamples.Iccid + "%3Fx-amz-customauthorizer-name%3D1nce-jwt-authorizer%26x-amz-customauthorizer-signature%3D"
                + "AbC%252Bde%252Ffg%252BHi%253D%253D%26token%3D" + OnboardingSamples.Jwt;
            CustomAuthUsername username = CustomAuthUsername.Parse(encoded);
            Assert.IsTrue(username.WasPercentEncoded);
            Assert.AreEqual(OnboardingSamples.Username, username.MqttUsername);
            Assert.AreEqual(OnboardingSamples.DecodedSignature, username.Signature);
            Assert.AreEqual(OnboardingSamples.Jwt, username.Token);
        }

        [TestMethod]
        public void ALiteralQuestionMarkMeansNoWholeDecodeEvenWithEscapesInside()
        {
            string raw = "id?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=s%3F%2B&token=t";
            CustomAuthUsername username = CustomAuthUsername.Parse(raw);
            Assert.IsFalse(username.WasPercentEncoded);
            Assert.AreEqual(raw, username.MqttUsername);
            Assert.AreEqual("s?+", username.Signature);
        }

        [TestMethod]
        public void TakesTheTokenKeyFromTheUsernameAndPrefersToken()
        {
            CustomAuthUsername other = CustomAuthUsername.Parse("id?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=s&jwt=abc");
            Assert.AreEqual("jwt", other.TokenKeyName);
            Assert.AreEqual("abc", other.Token);
            CustomAuthUsername extra = CustomAuthUsername.Parse("id?extra=1&x-amz-customauthorizer-name=a&token=t&x-amz-customauthorizer-signature=s&more=2");
            Assert.AreEqual("token", extra.TokenKeyName);
            Assert.AreEqual("t", extra.Token);
        }

        [TestMethod]
        public void TheHttpsQueryStartsAtTheAuthorizerName()
        {
            CustomAuthUsername username = CustomAuthUsername.Parse(OnboardingSamples.Username);
            Assert.AreEqual(
                "x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature=" + OnboardingSamples.EncodedSignature + "&token=" + OnboardingSamples.Jwt,
                username.HttpsQuery);
        }

        [TestMethod]
        public void AddsTheThreeWebSocketHeadersDecoded()
        {
            HttpHeaders headers = new HttpHeaders();
            CustomAuthUsername.Parse(OnboardingSamples.Username).AddWebSocketHeaders(headers);
            Assert.AreEqual(3, headers.Count);
            Assert.AreEqual("1nce-jwt-authorizer", headers.Get("x-amz-customauthorizer-name"));
            Assert.AreEqual(OnboardingSamples.DecodedSignature, headers.Get("x-amz-customauthorizer-signature"));
            Assert.AreEqual(OnboardingSamples.Jwt, headers.Get("token"));
        }

        [TestMethod]
        public void RefusesAUsernameLongerThanAnMqttStringHolds()
        {
            string raw = "id?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=s&token=" + new string('t', 65536);
            Assert.ThrowsException(typeof(FormatException), () => CustomAuthUsername.Parse(raw));
        }

        [TestMethod]
        [DataRow("no query at all")]
        [DataRow("id?x-amz-customauthorizer-signature=s&token=t")]
        [DataRow("id?x-amz-customauthorizer-name=a&token=t")]
        [DataRow("id?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=s")]
        [DataRow("id?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=%ZZ&token=t")]
        [DataRow("id%3Fx-amz-customauthorizer-name%3Da%2")]
        public void RejectsUsernamesWithoutTheParts(string raw)
        {
            Assert.ThrowsException(typeof(FormatException), () => CustomAuthUsername.Parse(raw));
        }
    }
}
