namespace CellularIot.Tests.Cloud.Token
{
    using System;
    using CellularIot.Cloud.Token;
    using CellularIot.Tests.Cloud.Onboarding;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TokenLifetimeTests
    {
        [TestMethod]
        public void UsesTheJwtExpiryAndRefreshesAtEightyPercent()
        {
            DateTime fetched = OnboardingSamples.FetchTime;
            var lifetime = new TokenLifetime(fetched, OnboardingSamples.Jwt, new TokenSettings());
            Assert.IsTrue(lifetime.ExpiryFromJwt);
            Assert.AreEqual(fetched.AddHours(24).Ticks, lifetime.ExpiresUtc.Ticks);
            Assert.AreEqual(fetched.AddTicks(TimeSpan.TicksPerHour * 24 * 8 / 10).Ticks, lifetime.RefreshAtUtc.Ticks);
        }

        [TestMethod]
        public void AShorterJwtLifetimeMovesTheRefreshPoint()
        {
            DateTime fetched = OnboardingSamples.FetchTime;
            string jwt = OnboardingSamples.MakeJwt("{\"exp\":1714568400}");
            TokenSettings settings = new TokenSettings();
            settings.RefreshFraction = 0.5;
            var lifetime = new TokenLifetime(fetched, jwt, settings);
            Assert.AreEqual(fetched.AddHours(1).Ticks, lifetime.ExpiresUtc.Ticks);
            Assert.AreEqual(fetched.AddMinutes(30).Ticks, lifetime.RefreshAtUtc.Ticks);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("not a jwt")]
        [DataRow("{\"exp\":1714564000}")]
        public void FallsBackToTwentyFourHours(string payloadOrToken)
        {
            DateTime fetched = OnboardingSamples.FetchTime;
            string jwt = payloadOrToken.StartsWith("{") ? OnboardingSamples.MakeJwt(payloadOrToken) : payloadOrToken;
            var lifetime = new TokenLifetime(fetched, jwt, new TokenSettings());
            Assert.IsFalse(lifetime.ExpiryFromJwt);
            Assert.AreEqual(fetched.AddHours(24).Ticks, lifetime.ExpiresUtc.Ticks);
        }

        [TestMethod]
        public void AnUnknownTokenFallsBackToTwentyFourHours()
        {
            var lifetime = new TokenLifetime(OnboardingSamples.FetchTime, null, new TokenSettings());
            Assert.IsFalse(lifetime.ExpiryFromJwt);
            Assert.AreEqual(OnboardingSamples.FetchTime.AddHours(24).Ticks, lifetime.ExpiresUtc.Ticks);
        }

        [TestMethod]
        public void TheRefreshIsDueFromTheRefreshPointAndWhenTheClockIsBehind()
        {
            DateTime fetched = OnboardingSamples.FetchTime;
            var lifetime = new TokenLifetime(fetched, OnboardingSamples.Jwt, new TokenSettings());
            Assert.IsFalse(lifetime.IsRefreshDue(fetched));
            Assert.IsFalse(lifetime.IsRefreshDue(lifetime.RefreshAtUtc.AddTicks(-1)));
            Assert.IsTrue(lifetime.IsRefreshDue(lifetime.RefreshAtUtc));
            Assert.IsTrue(lifetime.IsRefreshDue(fetched.AddMinutes(-1)));

            // A restart a moment after the fetch sets the clock from the network's whole seconds: not a clock gone back.
            Assert.IsFalse(lifetime.IsRefreshDue(fetched.AddSeconds(-2)));
            Assert.IsTrue(lifetime.IsUsable(fetched.AddSeconds(-2)));
            Assert.IsTrue(lifetime.IsUsable(lifetime.RefreshAtUtc));
            Assert.IsFalse(lifetime.IsUsable(lifetime.ExpiresUtc));
        }

        [TestMethod]
        public void RejectsFractionsOutsideZeroToOne()
        {
            TokenSettings settings = new TokenSettings();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => settings.RefreshFraction = 0);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => settings.RefreshFraction = 1.5);
            settings.RefreshFraction = 1;
            Assert.AreEqual(1.0, settings.RefreshFraction);
        }
    }
}
