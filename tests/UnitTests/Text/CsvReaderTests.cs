namespace CellularIot.Tests.Text
{
    using System;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class CsvReaderTests
    {
        [TestMethod]
        public void ReadsPlainAndQuotedFields()
        {
            string[][] records = CsvReader.Read("a,\"b,c\",\"say \"\"hi\"\"\",,\"\"", 4, 16);
            Assert.AreEqual(1, records.Length);
            Assert.AreEqual("a|b,c|say \"hi\"||", Joined(records[0]));
        }

        [TestMethod]
        public void TurnsBackslashNIntoANewlineInsideValues()
        {
            string[][] records = CsvReader.Read("\"-----BEGIN\\nMIIB\\n-----END\",plain\\nvalue", 4, 16);
            Assert.AreEqual("-----BEGIN\nMIIB\n-----END", records[0][0]);
            Assert.AreEqual("plain\nvalue", records[0][1]);
        }

        [TestMethod]
        public void LeavesOtherBackslashesAlone()
        {
            Assert.AreEqual("a\\tb\\", CsvReader.Read("a\\tb\\", 4, 16)[0][0]);
        }

        [TestMethod]
        public void SplitsRecordsOnAnyLineEndAndSkipsEmptyLines()
        {
            string[][] records = CsvReader.Read("\r\na,b\r\n\r\nc\nd,\"e\r\nf\"\rg\n", 8, 16);
            Assert.AreEqual(4, records.Length);
            Assert.AreEqual("a|b", Joined(records[0]));
            Assert.AreEqual("c", Joined(records[1]));
            Assert.AreEqual("d|e\r\nf", Joined(records[2]));
            Assert.AreEqual("g", Joined(records[3]));
        }

        [TestMethod]
        public void AnEmptyTextHasNoRecords()
        {
            Assert.AreEqual(0, CsvReader.Read(string.Empty, 4, 16).Length);
            Assert.AreEqual(0, CsvReader.Read("\r\n\n", 4, 16).Length);
        }

        [TestMethod]
        [DataRow("\"unterminated")]
        [DataRow("\"closed\"x,b")]
        [DataRow("ab\"c\",d")]
        [DataRow("a,b,c,d,e")]
        [DataRow("a\nb\nc")]
        public void RejectsMisplacedQuotesAndTooMuch(string text)
        {
            Assert.ThrowsException(typeof(FormatException), () => CsvReader.Read(text, 2, 4));
        }

        private static string Joined(string[] fields)
        {
            string joined = string.Empty;
            for (int i = 0; i < fields.Length; i++)
            {
                joined += (i > 0 ? "|" : string.Empty) + fields[i];
            }

            return joined;
        }
    }
}
