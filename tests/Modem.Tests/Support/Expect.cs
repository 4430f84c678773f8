using CellularIot.At;
using Xunit;

namespace CellularIot.Modem.Tests.Support;

/// <summary>The driver's typed failures, checked whole.</summary>
internal static class Expect
{
    /// <summary>The call fails with a ModemException caused by a command that got no answer in time.</summary>
    public static AtCommandException TimedOut(Action call)
    {
        ModemException error = Assert.ThrowsAny<ModemException>(call);
        AtCommandException cause = Assert.IsType<AtCommandException>(error.InnerException);
        Assert.Equal(AtOutcome.Timeout, cause.Outcome);
        Assert.Contains("no answer within", error.Message, StringComparison.Ordinal);
        return cause;
    }
}
