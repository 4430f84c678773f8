namespace CellularIot.Tests.Net
{
    using CellularIot.Bytes;
    using CellularIot.Net.WebSockets;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Sha1Tests
    {
        [TestMethod]
        [DataRow("", "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709")]
        [DataRow("abc", "A9993E364706816ABA3E25717850C26C9CD0D89D")]
        [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983E441C3BD26EBAAE4AA1F95129E5E54670F1")]
        [DataRow("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "A49B2446A02C645BF419F995B67091253A04A259")]
        public void MatchesTheFipsVectors(string message, string digest)
        {
            Assert.AreEqual(digest, HexBytes.ToText(Sha1.Hash(Utf8.GetBytes(message))));
        }

        [TestMethod]
        [DataRow(55, "C1C8BBDC22796E28C0E15163D20899B65621D65A")]
        [DataRow(56, "C2DB330F6083854C99D4B5BFB6E8F29F201BE699")]
        [DataRow(64, "0098BA824B5C16427BD7A1122A5A442A25EC644D")]
        [DataRow(1000, "291E9A6C66994949B57BA5E650361E98FC36B1BA")]
        public void PadsCorrectlyAtBlockBoundaries(int length, string digest)
        {
            Assert.AreEqual(digest, HexBytes.ToText(Sha1.Hash(Utf8.GetBytes(new string('a', length)))));
        }

        [TestMethod]
        public void HashesARangeOfAnArray()
        {
            byte[] framed = Utf8.GetBytes("xxabcxx");
            Assert.AreEqual("A9993E364706816ABA3E25717850C26C9CD0D89D", HexBytes.ToText(Sha1.Hash(framed, 2, 3)));
        }
    }
}
