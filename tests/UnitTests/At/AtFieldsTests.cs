namespace CellularIot.Tests.At
{
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AtFieldsTests
    {
        [TestMethod]
        public void KeepsCommasInsideQuotes()
        {
            byte[] line = Utf8.GetBytes("+CCLK: \"24/03/05,10:20:30+08\"");
            Assert.AreEqual(1, AtFields.Count(line, 0, line.Length));
            Assert.AreEqual(0, AtFields.CountCommas(line, 0, line.Length));
            Assert.AreEqual("24/03/05,10:20:30+08", AtFields.GetString(line, 0, line.Length, 0));
        }

        [TestMethod]
        public void ReadsNumbersAndQuotedText()
        {
            byte[] line = Utf8.GetBytes("+CNACT: 0,1,\"10.1.2.3\"");
            int value;
            Assert.AreEqual(3, AtFields.Count(line, 0, line.Length));
            Assert.IsTrue(AtFields.TryGetInt(line, 0, line.Length, 1, out value));
            Assert.AreEqual(1, value);
            Assert.AreEqual("10.1.2.3", AtFields.GetString(line, 0, line.Length, 2));
            Assert.IsFalse(AtFields.TryGetInt(line, 0, line.Length, 2, out value));
            Assert.IsNull(AtFields.GetString(line, 0, line.Length, 3));
        }

        [TestMethod]
        public void TreatsABareLineAsOneField()
        {
            byte[] line = Utf8.GetBytes("89882280666012345678");
            Assert.AreEqual(1, AtFields.Count(line, 0, line.Length));
            Assert.AreEqual("89882280666012345678", AtFields.GetString(line, 0, line.Length, 0));
        }

        [TestMethod]
        public void TellsTheUrcFromTheAnswerByItsCommas()
        {
            byte[] urc = Utf8.GetBytes("+CEREG: 5");
            byte[] answer = Utf8.GetBytes("+CEREG: 0,5");
            Assert.AreEqual(0, AtFields.CountCommas(urc, 0, urc.Length));
            Assert.AreEqual(1, AtFields.CountCommas(answer, 0, answer.Length));
        }

        [TestMethod]
        public void TrimsSpacesAndHandlesEmptyPayloads()
        {
            byte[] line = Utf8.GetBytes("+CSQ:  20 , 99 ");
            int value;
            Assert.IsTrue(AtFields.TryGetInt(line, 0, line.Length, 1, out value));
            Assert.AreEqual(99, value);
            byte[] empty = Utf8.GetBytes("+CSQ:");
            Assert.AreEqual(0, AtFields.Count(empty, 0, empty.Length));
            Assert.IsFalse(AtFields.TryGetInt(empty, 0, empty.Length, 0, out value));
        }
    }
}
