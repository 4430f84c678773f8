namespace CellularIot.Tests.Bytes
{
    using System;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class HexTests
    {
        [TestMethod]
        public void FormatsFixedWidthUpperCase()
        {
            byte[] buffer = new byte[4];
            Hex.Format(0x2AF, 4, buffer, 0);
            Assert.AreEqual("02AF", Utf8.Decode(buffer));
            Assert.AreEqual("FF", Hex.ToString(255, 2));
        }

        [TestMethod]
        [DataRow("0", 0)]
        [DataRow("1a", 26)]
        [DataRow("FFFF", 65535)]
        public void ParsesEitherCase(string text, int expected)
        {
            byte[] bytes = Utf8.GetBytes(text);
            ulong value;
            Assert.IsTrue(Hex.TryParse(bytes, 0, bytes.Length, out value));
            Assert.AreEqual((ulong)expected, value);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("g")]
        [DataRow("12345678901234567")]
        public void RejectsNonHex(string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            ulong value;
            Assert.IsFalse(Hex.TryParse(bytes, 0, bytes.Length, out value));
        }

        [TestMethod]
        public void CountsDigits()
        {
            Assert.AreEqual(1, Hex.DigitCount(0));
            Assert.AreEqual(3, Hex.DigitCount(0x100));
            Assert.AreEqual(16, Hex.DigitCount(ulong.MaxValue));
        }

        [TestMethod]
        public void FormatRefusesBadWidths()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => Hex.Format(1, 0, new byte[4], 0));
            Assert.ThrowsException(typeof(ArgumentException), () => Hex.Format(1, 3, new byte[2], 0));
        }
    }
}
