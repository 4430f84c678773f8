namespace CellularIot.Tests.Text
{
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AsciiTextTests
    {
        [TestMethod]
        public void TwoMissingStringsAreEqualAndOneMissingIsNot()
        {
            Assert.IsTrue(AsciiText.EqualsIgnoreCase(null, null));
            Assert.IsFalse(AsciiText.EqualsIgnoreCase(null, "close"));
            Assert.IsFalse(AsciiText.EqualsIgnoreCase("close", null));
            Assert.IsTrue(AsciiText.EqualsIgnoreCase("Close", "cLOSE"));
            Assert.IsFalse(AsciiText.EqualsIgnoreCase("close", "closed"));
        }

        [TestMethod]
        public void IgnoresCaseOnlyWhenAsked()
        {
            Assert.IsFalse(AsciiText.StartsWith("Content-Length: 5", "content-length", false));
            Assert.IsTrue(AsciiText.StartsWith("Content-Length: 5", "content-length", true));
            Assert.IsTrue(AsciiText.StartsWith("Content-Length: 5", "Content-", false));
            Assert.AreEqual(-1, AsciiText.IndexOf("a; Charset=utf-8", "charset", 0, false));
            Assert.AreEqual(3, AsciiText.IndexOf("a; Charset=utf-8", "charset", 0, true));
        }
    }
}
