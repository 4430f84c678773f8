namespace CellularIot.Tests.Bytes
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Utf8Tests
    {
        [TestMethod]
        public void EncodesEachSequenceLength()
        {
            // "A", "é" (2 bytes), "€" (3 bytes). The 4-byte form needs a surrogate pair, which a device string
            // literal cannot hold: it is built from its UTF-8 bytes below.
            byte[] bytes = Utf8.GetBytes("Aé€");
            byte[] expected = new byte[] { 0x41, 0xC3, 0xA9, 0xE2, 0x82, 0xAC };
            CollectionAssert.AreEqual(expected, bytes);
        }

        [TestMethod]
        public void DecodesWhatItEncodes()
        {
            string text = "x-amz-customauthorizer-name=1nce-authorizer € ü";
            byte[] bytes = Utf8.GetBytes(text);
            Assert.AreEqual(text, Utf8.Decode(bytes));
            Assert.AreEqual(text.Length, Utf8.GetCharCount(bytes, 0, bytes.Length));
        }

        [TestMethod]
        public void ACharacterBeyondTheBasicPlaneSurvivesARoundTrip()
        {
            // U+1F600 arrives as UTF-8 (a command or a login may carry one). The device's string keeps it as a
            // surrogate pair, which the encoder must read whole to give the same four bytes back.
            byte[] emoji = new byte[] { 0x41, 0xF0, 0x9F, 0x98, 0x80, 0x42 };
            string text = Utf8.Decode(emoji);
            Assert.AreEqual(emoji.Length, Utf8.GetByteCount(text));
            CollectionAssert.AreEqual(emoji, Utf8.GetBytes(text));
        }

        [TestMethod]
        public void DecodesASlice()
        {
            byte[] bytes = new byte[] { 0xFF, 0x4F, 0x4B, 0xFF };
            Assert.AreEqual("OK", Utf8.Decode(bytes, 1, 2));
        }

        [TestMethod]
        [DataRow("C0AF")]
        [DataRow("E080AF")]
        [DataRow("EDA080")]
        [DataRow("F4908080")]
        [DataRow("E282")]
        [DataRow("80")]
        [DataRow("C341")]
        [DataRow("FE")]
        public void RejectsMalformedBytes(string malformedHex)
        {
            byte[] malformed = HexBytes.Parse(malformedHex);
            Assert.ThrowsException(typeof(Utf8Exception), () => Utf8.Decode(malformed));
        }

        [TestMethod]
        public void EncodeRefusesATooSmallDestinationAndWritesNothing()
        {
            byte[] destination = new byte[3];
            Assert.ThrowsException(typeof(ArgumentException), () => Utf8.Encode("abcd", destination, 0));
            CollectionAssert.AreEqual(new byte[3], destination);
        }

        [TestMethod]
        public void EncodesAtAnOffset()
        {
            byte[] destination = new byte[5];
            int written = Utf8.Encode("é", destination, 3);
            Assert.AreEqual(2, written);
            Assert.AreEqual((byte)0xC3, destination[3]);
            Assert.AreEqual((byte)0xA9, destination[4]);
        }

        [TestMethod]
        public void RejectsARangeOutsideTheArray()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Utf8.Decode(new byte[2], 1, 2));
        }
    }
}
