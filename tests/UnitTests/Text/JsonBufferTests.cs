namespace CellularIot.Tests.Text
{
    using CellularIot.Bytes;
    using CellularIot.Tests.Support;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class JsonBufferTests
    {
        [TestMethod]
        public void WritesNonAsciiTextAsUtf8WithSurrogatePairsWhole()
        {
            // "é", a private-use character above the surrogates, and U+1F600, which a device string holds as a
            // surrogate pair (built from its UTF-8 bytes: a literal cannot hold one there).
            string text = "\u00e9\ue000" + Utf8.Decode(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }) + "!";
            var json = new JsonBuffer(64);
            json.BeginObject();
            json.Property("s", text);
            json.EndObject();

            byte[] expected = HexBytes.Parse("7b2273223a22" + "c3a9" + "ee8080" + "f09f9880" + "21" + "227d");
            Assert.AreEqual(expected.Length, json.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], json.Bytes[i]);
            }
        }
    }
}
