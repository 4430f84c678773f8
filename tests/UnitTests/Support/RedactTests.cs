namespace CellularIot.Tests.Support
{
    using CellularIot.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class RedactTests
    {
        [TestMethod]
        public void KeepsOnlyTheEndsOfALongSecret()
        {
            string token = "eyJhbGciOiJSUzI1NiJ9.payload.signatureX9Q";
            string shown = Redact.Secret(token);
            Assert.AreEqual("eyJh…eX9Q (41 chars)", shown);
            Assert.DoesNotContains("payload", shown);
        }

        [TestMethod]
        public void HidesAShortSecretEntirely()
        {
            Assert.AreEqual("*** (6 chars)", Redact.Secret("abc123"));
            Assert.AreEqual("(none)", Redact.Secret(null));
        }
    }
}
