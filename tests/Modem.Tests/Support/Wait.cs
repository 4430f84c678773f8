using Xunit;

namespace CellularIot.Modem.Tests.Support;

/// <summary>Waiting for what other threads do (URC handlers, the simulator, the server), always with a limit.</summary>
internal static class Wait
{
    public static void Until(Func<bool> condition, string what, int timeoutMs = 5000)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "Timed out waiting for " + what);
            Thread.Sleep(5);
        }
    }
}
