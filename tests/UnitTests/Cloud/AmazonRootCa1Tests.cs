namespace CellularIot.Tests.Cloud
{
    using CellularIot.Cloud;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AmazonRootCa1Tests
    {
        [TestMethod]
        public void IsAmazonRootCa1InPemForm()
        {
            Assert.StartsWith("-----BEGIN CERTIFICATE-----\nMIIDQTCCAimgAwIBAgITBmyfz5m/jAo54vB4ikPmljZbyjAN", AmazonRootCa1.Pem);
            Assert.EndsWith("rqXRfboQnoZsG4q5WTP468SQvvG5\n-----END CERTIFICATE-----\n", AmazonRootCa1.Pem);
            Assert.AreEqual(1188, AmazonRootCa1.Pem.Length);
        }
    }
}
