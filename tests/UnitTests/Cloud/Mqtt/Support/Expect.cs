namespace CellularIot.Tests.Cloud.Mqtt.Support
{
    using System;
    using nanoFramework.TestFramework;

    /// <summary>Assert.ThrowsException that also hands back the exception, so its code and message can be checked.</summary>
    public static class Expect
    {
        /// <summary>Runs <paramref name="action"/>, fails unless it throws exactly <paramref name="type"/>, and returns what it threw.</summary>
        public static Exception Throws(Type type, Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                Assert.AreEqual(type.FullName, ex.GetType().FullName, ex.Message);
                return ex;
            }

            Assert.IsTrue(false, "no exception; expected " + type.Name);
            return null;
        }
    }
}
