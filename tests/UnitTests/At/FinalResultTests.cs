namespace CellularIot.Tests.At
{
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class FinalResultTests
    {
        [TestMethod]
        [DataRow("OK", 1)]
        [DataRow("OK  ", 1)]
        [DataRow("ERROR", 2)]
        [DataRow("+CME ERROR: 10", 3)]
        [DataRow("+CME ERROR: SIM not inserted", 3)]
        [DataRow("+CMS ERROR: 500", 4)]
        [DataRow("+CMS ERROR: unknown error", 4)]
        [DataRow("OKAY", 0)]
        [DataRow("ERROR: 3", 0)]
        [DataRow("+CSQ: 20,99", 0)]
        [DataRow("SEND OK", 0)]
        public void ClassifiesFinalResults(string line, int expected)
        {
            byte[] bytes = Utf8.GetBytes(line);
            Assert.AreEqual(expected, (int)FinalResult.Classify(bytes, 0, bytes.Length));
        }

        [TestMethod]
        [DataRow("+CME ERROR: 10", 10, "10")]
        [DataRow("+CMS ERROR: 304", 304, "304")]
        [DataRow("+CME ERROR: SIM not inserted", -1, "SIM not inserted")]
        [DataRow("+CME ERROR:operation not supported ", -1, "operation not supported")]
        [DataRow("ERROR", -1, "ERROR")]
        public void ReadsCodeAndText(string line, int code, string text)
        {
            byte[] bytes = Utf8.GetBytes(line);
            int parsed;
            Assert.AreEqual(code >= 0, FinalResult.TryGetCode(bytes, 0, bytes.Length, out parsed));
            if (code >= 0)
            {
                Assert.AreEqual(code, parsed);
            }

            Assert.AreEqual(text, FinalResult.GetText(bytes, 0, bytes.Length));
        }

        [TestMethod]
        public void HasNoTextForOtherLines()
        {
            byte[] bytes = Utf8.GetBytes("+CEREG: 5");
            Assert.IsNull(FinalResult.GetText(bytes, 0, bytes.Length));
        }
    }
}
