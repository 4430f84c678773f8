namespace CellularIot.ModemSim.Core;

/// <summary>A timer on the <see cref="EventLoop"/>; cancelling it before it is due means it never runs.</summary>
internal sealed class ScheduledAction(Action action)
{
    private volatile bool cancelled;

    public Action Action { get; } = action;

    public bool Cancelled => cancelled;

    public void Cancel() => cancelled = true;
}
