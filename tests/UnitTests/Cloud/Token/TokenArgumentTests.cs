namespace CellularIot.Tests.Cloud.Token
{
    using System;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Token;
    using CellularIot.Net.Http;
    using CellularIot.Tests.Cloud.Onboarding;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>What the token parts refuse to be built or called with, and the limits of a stored record.</summary>
    [TestClass]
    public class TokenArgumentTests
    {
        [TestMethod]
        public void ALifecycleNeedsItsStoreClockSettingsAndLog()
        {
            var store = new TokenStore(new MemoryBlobStore());
            var clock = new ManualClock();
            var settings = new TokenSettings();
            var log = new RecordingLog();
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TokenLifecycle(null, clock, settings, log));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TokenLifecycle(store, null, settings, log));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TokenLifecycle(store, clock, null, log));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TokenLifecycle(store, clock, settings, null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TokenLifecycle(store, clock, settings, log).Accept(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TokenLifetime(clock.UtcNow, OnboardingSamples.Jwt, null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TokenRecord(null, clock.UtcNow));
        }

        [TestMethod]
        public void AFallbackLifetimeMustBePositive()
        {
            var settings = new TokenSettings();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => settings.FallbackLifetime = TimeSpan.Zero);
            settings.FallbackLifetime = TimeSpan.FromHours(2);
            Assert.AreEqual(TimeSpan.FromHours(2).Ticks, settings.FallbackLifetime.Ticks);
        }

        [TestMethod]
        [DataRow(1969)]
        [DataRow(2201)]
        public void StoresOnlyFetchTimesFrom1970To2200(int year)
        {
            var credentials = new OnboardingResult(OnboardingSamples.Username, OnboardingSamples.Endpoint, OnboardingSamples.Iccid, OnboardingSamples.RootCaUrl);
            Assert.ThrowsException(typeof(ArgumentException), () => TokenRecordCodec.Encode(new TokenRecord(credentials, new DateTime(year, 6, 1))));
            Assert.ThrowsException(typeof(ArgumentNullException), () => TokenRecordCodec.Encode(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => TokenRecordCodec.Decode(null, 0, 0));
            byte[] payload = TokenRecordCodec.Encode(new TokenRecord(credentials, new DateTime(2199, 6, 1)));
            Assert.AreEqual(2199, TokenRecordCodec.Decode(payload, 0, payload.Length).FetchedAtUtc.Year);
        }

        [TestMethod]
        public void AUserNameWhoseAuthorizerKeyIsPercentEncodedPostsItsWholeQuery()
        {
            const string Query = "x-amz-customauthorizer%2Dname=n&x-amz-customauthorizer-signature=s&token=t";
            CustomAuthUsername username = CustomAuthUsername.Parse("u?" + Query);
            Assert.AreEqual(Query, username.HttpsQuery);
            Assert.ThrowsException(typeof(ArgumentNullException), () => CustomAuthUsername.Parse(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => username.AddWebSocketHeaders(null));
            var headers = new HttpHeaders();
            username.AddWebSocketHeaders(headers);
            Assert.AreEqual("n", headers.Get("x-amz-customauthorizer-name"));
        }
    }
}
