namespace CellularIot.Tests.Bytes
{
    using System;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Utf8ArgumentTests
    {
        [TestMethod]
        public void RefusesMissingTextAndArrays()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => Utf8.GetByteCount(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Utf8.Encode("a", null, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Utf8.Decode(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Utf8.Decode(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Utf8.GetCharCount(null, 0, 0));
        }

        [TestMethod]
        public void NumbersAreWrittenOnlyInsideTheDestination()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => AsciiInt.Format(1, null, 0));
            Assert.ThrowsException(typeof(ArgumentException), () => AsciiInt.Format(1, new byte[2], -1));
            Assert.ThrowsException(typeof(ArgumentException), () => AsciiInt.Format(-10, new byte[2], 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Hex.Format(1, 2, null, 0));
            Assert.AreEqual(3, AsciiInt.Format(-10, new byte[3], 0));
        }

        [TestMethod]
        public void EncodesOnlyInsideTheDestination()
        {
            byte[] destination = new byte[4];
            Assert.ThrowsException(typeof(ArgumentException), () => Utf8.Encode("a", destination, -1));
            Assert.ThrowsException(typeof(ArgumentException), () => Utf8.Encode(string.Empty, destination, 5));
            Assert.ThrowsException(typeof(ArgumentException), () => Utf8.Encode("\u00e9", destination, 3));
            Assert.AreEqual(2, Utf8.Encode("\u00e9", destination, 2));
            Assert.AreEqual(0, Utf8.Encode(string.Empty, destination, 4));
            Assert.AreEqual((byte)0xA9, destination[3]);
        }

        [TestMethod]
        public void DecodesOnlyInsideTheSource()
        {
            byte[] source = Utf8.GetBytes("abc");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Utf8.Decode(source, -1, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Utf8.Decode(source, 0, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Utf8.Decode(source, 2, 2));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Utf8.GetCharCount(source, 4, 0));
            Assert.AreEqual("c", Utf8.Decode(source, 2, 1));
        }
    }
}
