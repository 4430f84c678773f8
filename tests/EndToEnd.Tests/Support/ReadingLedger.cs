using CellularIot.CloudSim;

namespace CellularIot.EndToEnd.Tests.Support;

/// <summary>
/// The QoS 1 readings of a run, counted on both sides: what the device took, sent and had acknowledged, and what the
/// cloud received. Lost: a reading the device counts as delivered (or no longer holds) that never reached the cloud.
/// Duplicated: a reading the device sent again as a new message. Redelivered: a reading whose publish the broker took
/// but whose PUBACK the fault cut off, so that the device resent it marked DUP, as QoS 1 requires (at least once);
/// the cloud sees it twice, the second copy flagged, and can drop it by the reading's "seq".
/// </summary>
internal sealed record ReadingLedger(
    long Taken, long Delivered, int Waiting, long Dropped, int MessagesSent, int MessagesAcknowledged,
    int Arrived, int Lost, int Duplicated, int Redelivered)
{
    public static ReadingLedger Of(Rig rig)
    {
        IReadOnlyList<PublishedMessage> messages = rig.World.ReceivedOn("telemetry");
        var counts = new Dictionary<long, (int Copies, int Dup)>();
        foreach (PublishedMessage message in messages)
        {
            foreach (long seq in Telemetry.SequencesOf([message])[0])
            {
                (int copies, int dup) = counts.GetValueOrDefault(seq);
                counts[seq] = (copies + 1, dup + (message.Duplicate ? 1 : 0));
            }
        }

        long delivered = rig.Runner.ReadingsDelivered;
        int lost = Enumerable.Range(1, (int)delivered).Count(seq => !counts.ContainsKey(seq));
        int copiesAsNew = counts.Values.Count(c => c.Copies - c.Dup > 1);
        int redelivered = counts.Values.Count(c => c.Copies > 1 && c.Copies - c.Dup <= 1);
        return new ReadingLedger(
            rig.Runner.ReadingsTaken, delivered, rig.Runner.BacklogCount, rig.Runner.BacklogDropped, rig.Runner.MessagesSent,
            rig.Runner.MessagesAcknowledged, counts.Count, lost, copiesAsNew, redelivered);
    }

    public override string ToString() =>
        $"readings: {Taken} taken, {Delivered} delivered, {Waiting} waiting, {Dropped} dropped; QoS 1 messages: {MessagesSent} sent, "
        + $"{MessagesAcknowledged} acknowledged; cloud: {Arrived} distinct readings, {Lost} lost, {Duplicated} duplicated, {Redelivered} also redelivered with DUP";
}
