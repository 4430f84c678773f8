[assembly: Xunit.AssemblyFixture(typeof(CellularIot.Tests.Bridge.RemainingCleanups))]

namespace CellularIot.Tests.Bridge
{
    using System;

    /// <summary>At the end of the run, gives every class whose cases a filter skipped its [Cleanup].</summary>
    public sealed class RemainingCleanups : IDisposable
    {
        public void Dispose()
        {
            NanoTestRunner.CleanupRemaining();
        }
    }
}
