namespace CellularIot.Tests.Cloud.Onboarding
{
    using System;
    using CellularIot.Cloud.Onboarding;
    using nanoFramework.TestFramework;

    [TestClass]
    public class OnboardingRetryPolicyTests
    {
        [TestMethod]
        public void TransientFailuresDoubleUpToTheCapWithinTheJitterBand()
        {
            OnboardingRetrySettings settings = new OnboardingRetrySettings();
            settings.InitialDelayMs = 1000;
            settings.MaxDelayMs = 20000;
            settings.JitterPercent = 25;
            int[] nominal = { 1000, 2000, 4000, 8000, 16000, 20000, 20000, 20000 };
            for (int seed = 0; seed < 20; seed++)
            {
                var policy = new OnboardingRetryPolicy(settings, new Random(seed));
                for (int n = 0; n < nominal.Length; n++)
                {
                    RetryDecision decision = policy.OnFailure(Transport());
                    Assert.IsFalse(decision.SimInactive);
                    Assert.IsTrue(decision.DelayMs <= nominal[n], "delay " + decision.DelayMs + " above " + nominal[n]);
                    Assert.IsTrue(decision.DelayMs >= nominal[n] * 3 / 4, "delay " + decision.DelayMs + " below the jitter band of " + nominal[n]);
                }

                Assert.AreEqual(nominal.Length, policy.TransientFailures);
            }
        }

        [TestMethod]
        public void JitterActuallyVaries()
        {
            OnboardingRetrySettings settings = new OnboardingRetrySettings();
            var policy = new OnboardingRetryPolicy(settings, new Random(1));
            int first = policy.OnFailure(Transport()).DelayMs;
            bool varied = false;
            for (int i = 0; i < 20 && !varied; i++)
            {
                policy.OnSuccess();
                varied = policy.OnFailure(Transport()).DelayMs != first;
            }

            Assert.IsTrue(varied);
        }

        [TestMethod]
        public void WithoutJitterTheDelaysAreExact()
        {
            OnboardingRetrySettings settings = new OnboardingRetrySettings();
            settings.InitialDelayMs = 500;
            settings.JitterPercent = 0;
            var policy = new OnboardingRetryPolicy(settings, new Random(1));
            Assert.AreEqual(500, policy.OnFailure(Status(500)).DelayMs);
            Assert.AreEqual(1000, policy.OnFailure(Status(503)).DelayMs);
            Assert.AreEqual(2000, policy.OnFailure(Status(429)).DelayMs);
            policy.OnSuccess();
            Assert.AreEqual(500, policy.OnFailure(Malformed()).DelayMs);
        }

        [TestMethod]
        public void ManyFailuresNeverOverflowTheCap()
        {
            OnboardingRetrySettings settings = new OnboardingRetrySettings();
            settings.InitialDelayMs = int.MaxValue / 2;
            settings.MaxDelayMs = int.MaxValue;
            settings.JitterPercent = 0;
            var policy = new OnboardingRetryPolicy(settings, new Random(1));
            for (int i = 0; i < 100; i++)
            {
                Assert.IsTrue(policy.OnFailure(Transport()).DelayMs > 0);
            }
        }

        [TestMethod]
        public void A404WaitsLongAndSaysTheSimIsNotActive()
        {
            OnboardingRetrySettings settings = new OnboardingRetrySettings();
            settings.SimInactiveDelayMs = 4 * 60 * 60 * 1000;
            var policy = new OnboardingRetryPolicy(settings, new Random(9));
            policy.OnFailure(Transport());
            for (int i = 0; i < 20; i++)
            {
                RetryDecision decision = policy.OnFailure(Status(404));
                Assert.IsTrue(decision.SimInactive);
                Assert.IsTrue(decision.DelayMs <= settings.SimInactiveDelayMs);
                Assert.IsTrue(decision.DelayMs >= settings.SimInactiveDelayMs * 3 / 4);
                Assert.Contains("SIM not active", decision.Reason);
                Assert.Contains("Not Found", decision.Reason);
            }

            Assert.AreEqual(1, policy.TransientFailures);
        }

        [TestMethod]
        [DataRow(400)]
        [DataRow(401)]
        [DataRow(403)]
        public void OtherRefusalsAlsoWaitLongButAreNotSimInactive(int status)
        {
            OnboardingRetrySettings settings = new OnboardingRetrySettings();
            settings.JitterPercent = 0;
            RetryDecision decision = new OnboardingRetryPolicy(settings, new Random(1)).OnFailure(Status(status));
            Assert.IsFalse(decision.SimInactive);
            Assert.AreEqual(settings.SimInactiveDelayMs, decision.DelayMs);
        }

        [TestMethod]
        public void ClassifiesWhatIsTransient()
        {
            Assert.IsTrue(OnboardingRetryPolicy.IsTransient(Transport()));
            Assert.IsTrue(OnboardingRetryPolicy.IsTransient(Malformed()));
            Assert.IsTrue(OnboardingRetryPolicy.IsTransient(Status(500)));
            Assert.IsTrue(OnboardingRetryPolicy.IsTransient(Status(503)));
            Assert.IsTrue(OnboardingRetryPolicy.IsTransient(Status(408)));
            Assert.IsFalse(OnboardingRetryPolicy.IsTransient(Status(404)));
            Assert.IsFalse(OnboardingRetryPolicy.IsTransient(Status(400)));
        }

        [TestMethod]
        public void RejectsSettingsOutOfRange()
        {
            OnboardingRetrySettings settings = new OnboardingRetrySettings();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => settings.JitterPercent = 101);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => settings.InitialDelayMs = 0);
        }

        private static OnboardingException Transport()
        {
            return new OnboardingException(OnboardingError.Transport, "timeout", 0, null, null);
        }

        private static OnboardingException Malformed()
        {
            return new OnboardingException(OnboardingError.Malformed, "bad CSV", 0, null, null);
        }

        private static OnboardingException Status(int status)
        {
            return new OnboardingException(OnboardingError.HttpStatus, "status " + status, status, status == 404 ? "Not Found" : "Error", null);
        }
    }
}
