namespace CellularIot.Tests.Cloud.Token
{
    using System;
    using CellularIot.Cloud.Token;
    using CellularIot.Tests.Cloud.Onboarding;
    using nanoFramework.TestFramework;

    [TestClass]
    public class JwtExpiryTests
    {
        [TestMethod]
        public void ReadsTheExpClaim()
        {
            DateTime expires;
            Assert.IsTrue(JwtExpiry.TryRead(OnboardingSamples.Jwt, out expires));
            Assert.AreEqual(new DateTime(2024, 5, 2, 12, 0, 0).Ticks, expires.Ticks);
        }

        [TestMethod]
        [DataRow("{\"sub\":\"x\"}")]
        [DataRow("{\"exp\":\"1714651200\"}")]
        [DataRow("{\"exp\":-1}")]
        [DataRow("{\"exp\":0}")]
        [DataRow("{\"exp\":99999999999}")]
        [DataRow("{\"exp\":1.7e9}")]
        [DataRow("not json")]
        public void FalseWithoutAUsableExp(string payload)
        {
            DateTime expires;
            Assert.IsFalse(JwtExpiry.TryRead(OnboardingSamples.MakeJwt(payload), out expires));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("onlyonepart")]
        [DataRow("a.b")]
        [DataRow("a.!!!.c")]
        [DataRow("a.b.c.d")]
        [DataRow("eyJ.wyI.sig")]
        public void FalseForWhatIsNotAJwt(string token)
        {
            DateTime expires;
            Assert.IsFalse(JwtExpiry.TryRead(token, out expires));
        }

        [TestMethod]
        public void FalseForNullAndOverLongTokens()
        {
            DateTime expires;
            Assert.IsFalse(JwtExpiry.TryRead(null, out expires));
            Assert.IsFalse(JwtExpiry.TryRead("a." + new string('A', JwtExpiry.MaxTokenChars) + ".c", out expires));
        }
    }
}
