using CellularIot.Tests.Cloud.Session.Support;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz;

/// <summary>A server that answers the first bytes it gets with a fuzzed answer and, if told, then closes.</summary>
public sealed class FuzzServerSocket(ManualClock clock, byte[] answer, bool closeAfter) : ServerSocket(clock)
{
    private bool answered;

    /// <inheritdoc/>
    protected override void OnReceived(byte[] buffer, int offset, int count)
    {
        if (answered)
        {
            return;
        }

        answered = true;
        Answer(answer);
        if (closeAfter)
        {
            CloseFromPeer();
        }
    }
}
