namespace CellularIot.Tests.Storage
{
    using CellularIot.Bytes;
    using CellularIot.Storage;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void MatchesTheCheckValue()
        {
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(Utf8.GetBytes("123456789"), 0, 9));
            Assert.AreEqual(0u, Crc32.Compute(new byte[1], 0, 0));
        }

        [TestMethod]
        public void UpdatingInPiecesEqualsTheWhole()
        {
            byte[] data = Utf8.GetBytes("The quick brown fox jumps over the lazy dog");
            uint whole = Crc32.Compute(data, 0, data.Length);
            Assert.AreEqual(0x414FA339u, whole);
            Assert.AreEqual(whole, Crc32.Update(Crc32.Compute(data, 0, 10), data, 10, data.Length - 10));
        }
    }
}
