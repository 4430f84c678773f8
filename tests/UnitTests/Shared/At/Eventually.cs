namespace CellularIot.Tests.At
{
    using System.Threading;
    using CellularIot.Tests.Support;

    /// <summary>Waits for a condition with a generous time-out instead of asserting a duration.</summary>
    public static class Eventually
    {
        public static bool True(Condition condition, int timeoutMs)
        {
            var clock = new RealClock();
            long deadline = clock.MonotonicMs + timeoutMs;
            while (!condition())
            {
                if (clock.MonotonicMs > deadline)
                {
                    return false;
                }

                Thread.Sleep(10);
            }

            return true;
        }
    }
}
