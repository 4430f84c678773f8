namespace CellularIot.Tests.Cloud.Onboarding
{
    using System;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Net.Http;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>What the onboarding parts refuse to be built or called with, and the edges of the shapes they recognise.</summary>
    [TestClass]
    public class OnboardingArgumentTests
    {
        [TestMethod]
        public void TheOnboardingPartsNeedWhatTheyWorkOn()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OnboardingClient(null, new HttpSettings()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OnboardingClient(new ManualClock(), null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => OnboardingResponse.Interpret(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => OnboardingResponse.StatusText(null, string.Empty));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OnboardingRetryPolicy(null, new Random(1)));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OnboardingRetryPolicy(new OnboardingRetrySettings(), null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => OnboardingRetryPolicy.IsTransient(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => RootCaCheck.Check(null));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void AResultNeedsAllFourValues(int missing)
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OnboardingResult(
                missing == 0 ? null : OnboardingSamples.Username,
                missing == 1 ? null : OnboardingSamples.Endpoint,
                missing == 2 ? null : OnboardingSamples.Iccid,
                missing == 3 ? null : OnboardingSamples.RootCaUrl));
        }

        [TestMethod]
        [DataRow("https://www.amazontrust.com/repository/AmazonRootCA1.pem?v=1#top")]
        [DataRow("AmazonRootCA1.pem")]
        [DataRow("https://www.amazontrust.com/repository/AmazonRootCA1.pem#top")]
        public void FindsTheCaFileNameBeforeQueryAndFragmentOrWithoutAPath(string url)
        {
            RootCaCheckResult result = RootCaCheck.Check(url);
            Assert.IsTrue(result.MatchesShippedRoot);
            Assert.AreEqual("AmazonRootCA1.pem", result.FileName);
        }

        [TestMethod]
        public void AHostNameHoldsAtMost253Characters()
        {
            string label = new string('a', 63);
            string name = label + "." + label + "." + label + "." + new string('b', 61);
            Assert.AreEqual(253, name.Length);
            Assert.IsTrue(OnboardingFieldRecognizer.IsDnsName(name));
            Assert.IsFalse(OnboardingFieldRecognizer.IsDnsName(name + "c"));
            Assert.IsNull(OnboardingFieldRecognizer.EndpointHostOf("https://"));
        }
    }
}
