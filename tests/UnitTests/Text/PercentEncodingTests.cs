namespace CellularIot.Tests.Text
{
    using System;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class PercentEncodingTests
    {
        [TestMethod]
        [DataRow("AbC%2Bde%2Ffg%3D%3D", "AbC+de/fg==")]
        [DataRow("lower%2bcase%2f%3d", "lower+case/=")]
        [DataRow("plus+stays", "plus+stays")]
        [DataRow("caf%C3%A9", "caf\u00E9")]
        [DataRow("%252B", "%2B")]
        [DataRow("none", "none")]
        public void DecodesEachEscapeOnce(string encoded, string decoded)
        {
            Assert.AreEqual(decoded, PercentEncoding.Decode(encoded));
        }

        [TestMethod]
        [DataRow("%")]
        [DataRow("%2")]
        [DataRow("%G1")]
        [DataRow("%FF")]
        [DataRow("%C3")]
        public void RejectsBadEscapesAndBadUtf8(string encoded)
        {
            Assert.ThrowsException(typeof(FormatException), () => PercentEncoding.Decode(encoded));
        }

        [TestMethod]
        [DataRow("8988228066612345678/telemetry", "8988228066612345678/telemetry")]
        [DataRow("a b/c+d?e#f", "a%20b/c%2Bd%3Fe%23f")]
        [DataRow("caf\u00E9-_.~", "caf%C3%A9-_.~")]
        public void EncodesAPathKeepingItsSlashes(string path, string encoded)
        {
            Assert.AreEqual(encoded, PercentEncoding.EncodePath(path));
            Assert.AreEqual(path, PercentEncoding.Decode(encoded));
        }
    }
}
