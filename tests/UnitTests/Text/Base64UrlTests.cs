namespace CellularIot.Tests.Text
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Base64UrlTests
    {
        [TestMethod]
        [DataRow("", "")]
        [DataRow("Zg", "f")]
        [DataRow("Zg==", "f")]
        [DataRow("Zm8", "fo")]
        [DataRow("Zm9v", "foo")]
        [DataRow("Zm9vYg", "foob")]
        public void DecodesWithOrWithoutPadding(string encoded, string text)
        {
            Assert.AreEqual(text, Utf8.Decode(Base64Url.Decode(encoded, 100)));
        }

        [TestMethod]
        public void UsesTheUrlSafeAlphabet()
        {
            CollectionAssert.AreEqual(new byte[] { 0xFB, 0xFF, 0xBF }, Base64Url.Decode("-_-_", 10));
        }

        [TestMethod]
        [DataRow("Z")]
        [DataRow("Zm9v+g")]
        [DataRow("Zm9v/g")]
        [DataRow("Zg=")]
        [DataRow("Z=g=")]
        [DataRow("Zm9vYmFy")]
        public void RejectsBadInputAndTooLong(string encoded)
        {
            Assert.ThrowsException(typeof(FormatException), () => Base64Url.Decode(encoded, 5));
        }
    }
}
