namespace CellularIot.Tests.Cloud.Onboarding
{
    using CellularIot.Cloud.Onboarding;
    using nanoFramework.TestFramework;

    [TestClass]
    public class RootCaCheckTests
    {
        [TestMethod]
        [DataRow("https://www.amazontrust.com/repository/AmazonRootCA1.pem")]
        [DataRow("https://www.amazontrust.com/repository/amazonrootca1.PEM?x=1#y")]
        public void TheShippedRootPasses(string url)
        {
            RootCaCheckResult result = RootCaCheck.Check(url);
            Assert.IsTrue(result.MatchesShippedRoot);
            Assert.IsNull(result.Warning);
        }

        [TestMethod]
        [DataRow("https://www.amazontrust.com/repository/AmazonRootCA3.pem", "AmazonRootCA3.pem")]
        [DataRow("https://example.com/ca/other-root.crt", "other-root.crt")]
        [DataRow("https://www.amazontrust.com/", "")]
        public void AnotherRootGivesAWarningNamingIt(string url, string name)
        {
            RootCaCheckResult result = RootCaCheck.Check(url);
            Assert.IsFalse(result.MatchesShippedRoot);
            Assert.AreEqual(name, result.FileName);
            Assert.Contains("\"" + name + "\"", result.Warning);
            Assert.Contains("AmazonRootCA1.pem", result.Warning);
            Assert.Contains("nothing is downloaded", result.Warning);
        }
    }
}
