namespace CellularIot.Tests.At
{
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AtTextTests
    {
        [TestMethod]
        public void NoPrefixMatchesNothingAndALongerPrefixDoesNotMatchAShortLine()
        {
            byte[] line = Utf8.GetBytes("+CSQ: 20,99");
            Assert.IsFalse(AtText.StartsWith(line, 0, line.Length, (byte[])null));
            Assert.IsFalse(AtText.StartsWith(line, 0, line.Length, (string)null));
            Assert.IsFalse(AtText.IsExactly(line, 0, line.Length, (string)null));
            Assert.IsFalse(AtText.StartsWith(line, 0, 3, "+CSQ"));
            Assert.IsTrue(AtText.StartsWith(line, 0, 4, "+CSQ"));
            Assert.IsTrue(AtText.StartsWith(line, 0, 4, Utf8.GetBytes("+CSQ")));
        }
    }
}
