namespace CellularIot.Tests.Cloud.Onboarding
{
    using CellularIot.Cloud.Onboarding;
    using nanoFramework.TestFramework;

    [TestClass]
    public class OnboardingFieldRecognizerTests
    {
        [TestMethod]
        [DataRow("8988228066612345678", true)]
        [DataRow("89882280666123456789", true)]
        [DataRow("898822806661234567", false)]
        [DataRow("898822806661234567890", false)]
        [DataRow("8988228066612345678F", false)]
        public void RecognisesIccids(string value, bool expected)
        {
            Assert.AreEqual(expected, OnboardingFieldRecognizer.IsIccid(value));
        }

        [TestMethod]
        [DataRow("a1b2c3-ats.iot.eu-west-3.amazonaws.com", true)]
        [DataRow("localhost.localdomain", true)]
        [DataRow("localhost", false)]
        [DataRow("10.0.0.1", false)]
        [DataRow("-bad.example.com", false)]
        [DataRow("bad-.example.com", false)]
        [DataRow("a..b.com", false)]
        [DataRow("under_score.com", false)]
        [DataRow("https://a.b.com", false)]
        public void RecognisesDnsNames(string value, bool expected)
        {
            Assert.AreEqual(expected, OnboardingFieldRecognizer.IsDnsName(value));
        }

        [TestMethod]
        public void TakesTheEndpointHostFromAPathlessUrl()
        {
            Assert.AreEqual("x-ats.iot.eu-west-1.amazonaws.com", OnboardingFieldRecognizer.EndpointHostOf("https://x-ats.iot.eu-west-1.amazonaws.com/"));
            Assert.AreEqual("x-ats.iot.eu-west-1.amazonaws.com", OnboardingFieldRecognizer.EndpointHostOf("x-ats.iot.eu-west-1.amazonaws.com"));
            Assert.IsNull(OnboardingFieldRecognizer.EndpointHostOf("https://www.amazontrust.com/repository/AmazonRootCA1.pem"));
            Assert.IsNull(OnboardingFieldRecognizer.EndpointHostOf("http://x.example.com"));
        }

        [TestMethod]
        public void RecognisesHttpsUrlsWithAPath()
        {
            Assert.IsTrue(OnboardingFieldRecognizer.IsHttpsUrlWithPath("https://www.amazontrust.com/repository/AmazonRootCA1.pem"));
            Assert.IsFalse(OnboardingFieldRecognizer.IsHttpsUrlWithPath("https://www.amazontrust.com/"));
            Assert.IsFalse(OnboardingFieldRecognizer.IsHttpsUrlWithPath("http://www.amazontrust.com/a.pem"));
            Assert.IsFalse(OnboardingFieldRecognizer.IsHttpsUrlWithPath("https://www.amazontrust.com/a b.pem"));
        }

        [TestMethod]
        public void RecognisesUsernamesByTheAuthorizerMarker()
        {
            Assert.IsTrue(OnboardingFieldRecognizer.IsUsername("8988?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&token=c"));
            Assert.IsTrue(OnboardingFieldRecognizer.IsUsername("8988%3Fx-amz-customauthorizer-name%3Da"));
            Assert.IsFalse(OnboardingFieldRecognizer.IsUsername("username"));
        }
    }
}
