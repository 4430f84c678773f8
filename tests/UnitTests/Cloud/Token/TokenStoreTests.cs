namespace CellularIot.Tests.Cloud.Token
{
    using System;
    using System.IO;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Token;
    using CellularIot.Storage;
    using CellularIot.Tests.Cloud.Onboarding;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TokenStoreTests
    {
        [TestMethod]
        public void RoundTripsTheWholeRecord()
        {
            var blobs = new MemoryBlobStore();
            var store = new TokenStore(blobs);
            Assert.IsNull(store.Load());
            store.Save(Record("first", 0));
            TokenRecord loaded = store.Load();
            Assert.AreEqual(OnboardingSamples.Username + "first", loaded.Credentials.Username);
            Assert.AreEqual(OnboardingSamples.Endpoint, loaded.Credentials.EndpointHost);
            Assert.AreEqual(OnboardingSamples.Iccid, loaded.Credentials.ClientId);
            Assert.AreEqual(OnboardingSamples.RootCaUrl, loaded.Credentials.AmazonRootCaUrl);
            Assert.AreEqual(OnboardingSamples.FetchTime.Ticks, loaded.FetchedAtUtc.Ticks);
        }

        [TestMethod]
        public void AlternatesSlotsAndTheNewestWins()
        {
            var blobs = new MemoryBlobStore();
            var store = new TokenStore(blobs);
            store.Save(Record("one", 1));
            Assert.IsNotNull(blobs.Get(TokenStore.SlotA));
            Assert.IsNull(blobs.Get(TokenStore.SlotB));
            store.Save(Record("two", 2));
            Assert.IsNotNull(blobs.Get(TokenStore.SlotB));
            store.Save(Record("three", 3));
            Assert.AreEqual(OnboardingSamples.Username + "three", store.Load().Credentials.Username);
            Assert.AreEqual(OnboardingSamples.Username + "three", new TokenStore(blobs).Load().Credentials.Username);
            Assert.AreEqual(3, blobs.Writes);
        }

        [TestMethod]
        public void ACorruptNewestSlotFallsBackToTheOlderOne()
        {
            for (int position = 0; position < TokenStore.HeaderBytes + 20; position += 3)
            {
                MemoryBlobStore blobs = TwoRecords();
                blobs.Get(TokenStore.SlotB)[position] ^= 0x40;
                Assert.AreEqual(OnboardingSamples.Username + "old", new TokenStore(blobs).Load().Credentials.Username, "flip at " + position);
            }
        }

        [TestMethod]
        public void ATruncatedOrHalfWrittenNewestSlotIsIgnored()
        {
            MemoryBlobStore blobs = TwoRecords();
            byte[] full = blobs.Get(TokenStore.SlotB);
            int[] cuts = { 0, 3, TokenStore.HeaderBytes - 1, TokenStore.HeaderBytes, full.Length / 2, full.Length - 1 };
            for (int i = 0; i < cuts.Length; i++)
            {
                byte[] cut = new byte[cuts[i]];
                Array.Copy(full, cut, cut.Length);
                blobs.Put(TokenStore.SlotB, cut);
                Assert.AreEqual(OnboardingSamples.Username + "old", new TokenStore(blobs).Load().Credentials.Username);
            }

            // A write that reached its full length but not all its bytes: the tail is still erased flash.
            byte[] half = new byte[full.Length];
            Array.Copy(full, half, full.Length / 2);
            for (int i = full.Length / 2; i < half.Length; i++)
            {
                half[i] = 0xFF;
            }

            blobs.Put(TokenStore.SlotB, half);
            Assert.AreEqual(OnboardingSamples.Username + "old", new TokenStore(blobs).Load().Credentials.Username);
        }

        [TestMethod]
        public void TrailingBytesOrAWrongVersionInvalidateASlot()
        {
            MemoryBlobStore blobs = TwoRecords();
            byte[] full = blobs.Get(TokenStore.SlotB);
            byte[] longer = new byte[full.Length + 1];
            Array.Copy(full, longer, full.Length);
            blobs.Put(TokenStore.SlotB, longer);
            Assert.AreEqual(OnboardingSamples.Username + "old", new TokenStore(blobs).Load().Credentials.Username);

            byte[] payload = TokenRecordCodec.Encode(Record("future", 9));
            byte[] framed = new TwoSlotStore(blobs, TokenStore.SlotA, TokenStore.SlotB, TokenStore.Magic, TokenStore.FormatVersion, TokenRecordCodec.MaxPayloadBytes).Frame(99, payload);
            framed[4] = 2;
            blobs.Put(TokenStore.SlotB, framed);
            Assert.AreEqual(OnboardingSamples.Username + "old", new TokenStore(blobs).Load().Credentials.Username);
        }

        [TestMethod]
        public void BothSlotsCorruptMeansNoToken()
        {
            MemoryBlobStore blobs = TwoRecords();
            blobs.Get(TokenStore.SlotA)[TokenStore.HeaderBytes + 5] ^= 1;
            blobs.Put(TokenStore.SlotB, new byte[] { 1, 2, 3 });
            Assert.IsNull(new TokenStore(blobs).Load());
        }

        [TestMethod]
        public void ASaveAfterACrashOverwritesTheBrokenSlotAndKeepsTheGoodOne()
        {
            MemoryBlobStore blobs = TwoRecords();
            blobs.Put(TokenStore.SlotB, new byte[] { 0x43, 0x49 });
            var store = new TokenStore(blobs);
            store.Save(Record("new", 5));
            Assert.AreEqual(OnboardingSamples.Username + "new", store.Load().Credentials.Username);
            Assert.AreEqual(OnboardingSamples.Username + "old", TokenRecordCodec.Decode(blobs.Get(TokenStore.SlotA), TokenStore.HeaderBytes, blobs.Get(TokenStore.SlotA).Length - TokenStore.HeaderBytes).Credentials.Username);
        }

        [TestMethod]
        public void AnUnreadableSlotCountsAsMissing()
        {
            MemoryBlobStore blobs = TwoRecords();
            blobs.FailReads = true;
            Assert.IsNull(new TokenStore(blobs).Load());
        }

        [TestMethod]
        public void AFailedWriteSurfacesAsIOException()
        {
            var blobs = new MemoryBlobStore();
            blobs.FailWrites = true;
            Assert.ThrowsException(typeof(IOException), () => new TokenStore(blobs).Save(Record("x", 0)));
        }

        [TestMethod]
        public void ARecordTooLargeForASlotIsRefused()
        {
            var big = new TokenRecord(
                new OnboardingResult(new string('u', TokenRecordCodec.MaxPayloadBytes), OnboardingSamples.Endpoint, OnboardingSamples.Iccid, OnboardingSamples.RootCaUrl),
                OnboardingSamples.FetchTime);
            Assert.ThrowsException(typeof(ArgumentException), () => new TokenStore(new MemoryBlobStore()).Save(big));
        }

        [TestMethod]
        public void ThePayloadDecoderRejectsWhatIsNotExactlyOneRecord()
        {
            byte[] payload = TokenRecordCodec.Encode(Record("x", 0));
            Assert.ThrowsException(typeof(FormatException), () => TokenRecordCodec.Decode(payload, 0, payload.Length - 1));
            Assert.ThrowsException(typeof(FormatException), () => TokenRecordCodec.Decode(payload, 0, 7));
            payload[9] = 0xFF;
            Assert.ThrowsException(typeof(FormatException), () => TokenRecordCodec.Decode(payload, 0, payload.Length));
        }

        internal static TokenRecord Record(string suffix, int minutesLater)
        {
            var credentials = new OnboardingResult(OnboardingSamples.Username + suffix, OnboardingSamples.Endpoint, OnboardingSamples.Iccid, OnboardingSamples.RootCaUrl);
            return new TokenRecord(credentials, OnboardingSamples.FetchTime.AddMinutes(minutesLater));
        }

        private static MemoryBlobStore TwoRecords()
        {
            var blobs = new MemoryBlobStore();
            var store = new TokenStore(blobs);
            store.Save(Record("old", 1));
            store.Save(Record("new", 2));
            return blobs;
        }
    }
}
