namespace CellularIot.Tests.Cloud.Token
{
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Token;
    using CellularIot.Tests.Cloud.Onboarding;
    using CellularIot.Tests.Net.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TokenLifecycleTests
    {
        [TestMethod]
        public void WithNothingStoredOnboardingIsNeeded()
        {
            var clock = Clock();
            var lifecycle = new TokenLifecycle(new TokenStore(new MemoryBlobStore()), clock, new TokenSettings(), new RecordingLog());
            Assert.IsFalse(lifecycle.RestoreFromStore());
            Assert.IsTrue(lifecycle.NeedsRefresh);
            Assert.IsFalse(lifecycle.IsUsable);
            Assert.IsNull(lifecycle.Current);
        }

        [TestMethod]
        public void AnAcceptedTokenIsPersistedAndSkipsOnboardingAfterAReboot()
        {
            var clock = Clock();
            var blobs = new MemoryBlobStore();
            var first = new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), new RecordingLog());
            first.Accept(Sample());
            Assert.IsFalse(first.NeedsRefresh);
            Assert.IsTrue(first.IsUsable);
            Assert.IsTrue(first.Lifetime.ExpiryFromJwt);

            clock.Advance(60 * 60 * 1000);
            var log = new RecordingLog();
            var afterReboot = new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), log);
            Assert.IsTrue(afterReboot.RestoreFromStore());
            Assert.IsFalse(afterReboot.NeedsRefresh);
            Assert.AreEqual(OnboardingSamples.Username, afterReboot.Current.Credentials.Username);
            Assert.Contains("still valid", log.All);
            Assert.DoesNotContains(OnboardingSamples.Jwt, log.All);
        }

        [TestMethod]
        public void TheRefreshPointMakesARefreshDueButTheTokenStaysUsable()
        {
            var clock = Clock();
            var lifecycle = new TokenLifecycle(new TokenStore(new MemoryBlobStore()), clock, new TokenSettings(), new RecordingLog());
            lifecycle.Accept(Sample());
            clock.Advance((19 * 60 * 60 * 1000) + (11 * 60 * 1000));
            Assert.IsFalse(lifecycle.NeedsRefresh);
            clock.Advance(60 * 1000);
            Assert.IsTrue(lifecycle.NeedsRefresh);
            Assert.IsTrue(lifecycle.IsUsable);
            clock.Advance(5 * 60 * 60 * 1000);
            Assert.IsFalse(lifecycle.IsUsable);
        }

        [TestMethod]
        public void AStoredTokenPastItsRefreshPointIsKeptButNeedsRefresh()
        {
            var clock = Clock();
            var blobs = new MemoryBlobStore();
            new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), new RecordingLog()).Accept(Sample());
            clock.Advance(20 * 60 * 60 * 1000);
            var lifecycle = new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), new RecordingLog());
            Assert.IsFalse(lifecycle.RestoreFromStore());
            Assert.IsNotNull(lifecycle.Current);
            Assert.IsTrue(lifecycle.NeedsRefresh);
            Assert.IsTrue(lifecycle.IsUsable);
        }

        [TestMethod]
        public void AnAuthFailureForcesARefreshUntilTheNextToken()
        {
            var clock = Clock();
            var lifecycle = new TokenLifecycle(new TokenStore(new MemoryBlobStore()), clock, new TokenSettings(), new RecordingLog());
            lifecycle.Accept(Sample());
            lifecycle.ReportAuthFailure();
            Assert.IsTrue(lifecycle.NeedsRefresh);
            Assert.IsFalse(lifecycle.IsUsable);
            lifecycle.Accept(Sample());
            Assert.IsFalse(lifecycle.NeedsRefresh);
        }

        [TestMethod]
        public void AStoreFailureIsLoggedAndTheTokenStillUsed()
        {
            var clock = Clock();
            var blobs = new MemoryBlobStore();
            blobs.FailWrites = true;
            var log = new RecordingLog();
            var lifecycle = new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), log);
            lifecycle.Accept(Sample());
            Assert.IsTrue(lifecycle.IsUsable);
            Assert.Contains("warn: token not persisted", log.All);
        }

        [TestMethod]
        public void AnUnparsableUsernameFallsBackToTwentyFourHours()
        {
            var clock = Clock();
            var lifecycle = new TokenLifecycle(new TokenStore(new MemoryBlobStore()), clock, new TokenSettings(), new RecordingLog());
            lifecycle.Accept(new OnboardingResult("x-amz-customauthorizer-name without query", OnboardingSamples.Endpoint, OnboardingSamples.Iccid, OnboardingSamples.RootCaUrl));
            Assert.IsFalse(lifecycle.Lifetime.ExpiryFromJwt);
            Assert.AreEqual(OnboardingSamples.FetchTime.AddHours(24).Ticks, lifecycle.Lifetime.ExpiresUtc.Ticks);
        }

        private static ManualClock Clock()
        {
            var clock = new ManualClock();
            clock.UtcNow = OnboardingSamples.FetchTime;
            return clock;
        }

        private static OnboardingResult Sample()
        {
            return new OnboardingResult(OnboardingSamples.Username, OnboardingSamples.Endpoint, OnboardingSamples.Iccid, OnboardingSamples.RootCaUrl);
        }
    }
}
