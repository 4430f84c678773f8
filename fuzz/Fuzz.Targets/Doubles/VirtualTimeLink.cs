using CellularIot.Cloud;
using CellularIot.Cloud.Session;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz;

/// <summary>
/// The cloud session as the main loop sees it, with its waits in virtual time: a backoff the session would sleep
/// out on the device is passed on the manual clock instead, so a fuzz case runs thousands of steps in
/// milliseconds. Online, the session's receive waits already run on the clock (the servers advance it).
/// </summary>
public sealed class VirtualTimeLink(CloudSession session, ManualClock clock) : ICloudLink
{
    /// <inheritdoc/>
    public SessionState State => session.State;

    /// <inheritdoc/>
    public bool IsOnline => session.IsOnline;

    /// <inheritdoc/>
    public bool CanPublish(int qos) => session.CanPublish(qos);

    /// <inheritdoc/>
    public int DeliverySlotsFree => session.DeliverySlotsFree;

    /// <inheritdoc/>
    public string Iccid => session.Iccid;

    /// <inheritdoc/>
    public string TransportName => session.TransportName;

    /// <inheritdoc/>
    public string Topic(string suffix) => session.Topic(suffix);

    /// <inheritdoc/>
    public int Publish(string topic, byte[] payload, int offset, int count, int qos) => session.Publish(topic, payload, offset, count, qos);

    /// <inheritdoc/>
    public void RunOnce(int waitMs)
    {
        if (session.IsOnline)
        {
            session.RunOnce(waitMs);
            return;
        }

        clock.Advance(waitMs);
        session.RunOnce(0);
    }
}
