namespace CellularIot.Tests.Bytes
{
    using System;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AsciiIntTests
    {
        [TestMethod]
        [DataRow(0L, "0")]
        [DataRow(7L, "7")]
        [DataRow(-42L, "-42")]
        [DataRow(1200L, "1200")]
        [DataRow(9223372036854775807L, "9223372036854775807")]
        [DataRow(-9223372036854775808L, "-9223372036854775808")]
        public void FormatsAndParsesBack(long value, string text)
        {
            byte[] buffer = new byte[AsciiInt.MaxInt64Digits + 2];
            int length = AsciiInt.Format(value, buffer, 1);
            Assert.AreEqual(text, Utf8.Decode(buffer, 1, length));

            long parsed;
            Assert.IsTrue(AsciiInt.TryParse(buffer, 1, length, out parsed));
            Assert.AreEqual(value, parsed);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("-")]
        [DataRow("+")]
        [DataRow("12a")]
        [DataRow(" 1")]
        [DataRow("9223372036854775808")]
        [DataRow("-9223372036854775809")]
        public void RejectsWhatIsNotALong(string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            long value;
            Assert.IsFalse(AsciiInt.TryParse(bytes, 0, bytes.Length, out value));
        }

        [TestMethod]
        public void Int32ParseRejectsOverflow()
        {
            byte[] bytes = Utf8.GetBytes("2147483648");
            int value;
            Assert.IsFalse(AsciiInt.TryParse(bytes, 0, bytes.Length, out value));
            bytes = Utf8.GetBytes("+2147483647");
            Assert.IsTrue(AsciiInt.TryParse(bytes, 0, bytes.Length, out value));
            Assert.AreEqual(int.MaxValue, value);
        }

        [TestMethod]
        public void FormatRefusesATooSmallDestination()
        {
            byte[] buffer = new byte[3];
            Assert.ThrowsException(typeof(ArgumentException), () => AsciiInt.Format(-1000, buffer, 0));
            CollectionAssert.AreEqual(new byte[3], buffer);
        }
    }
}
