namespace CellularIot.Tests.Text
{
    using System;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TextArgumentTests
    {
        [TestMethod]
        public void TheTextReadersRefuseMissingText()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => PercentEncoding.EncodePath(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => PercentEncoding.Decode(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Base64Url.Decode(null, 16));
            Assert.ThrowsException(typeof(ArgumentNullException), () => CsvReader.Read(null, 2, 2));
            Assert.AreEqual("a%20b/c", PercentEncoding.EncodePath("a b/c"));
        }
    }
}
