using System.Diagnostics;
using System.Globalization;
using System.Text;
using CellularIot.Cloud;
using Xunit;

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// Publishes numbered telemetry at QoS 1 from the device's thread, as an application does between steps: a typical
/// 70-byte JSON reading to &lt;ICCID&gt;/telemetry whose "seq" says which message it is, so that what the cloud
/// accepted (its message tap) shows exactly which ones arrived, and which more than once. A publish refused because
/// the session is not online is not counted: only messages the client took responsibility for must arrive.
/// </summary>
internal sealed class SequencePublisher
{
    private readonly SessionRig rig;
    private readonly int intervalMs;
    private readonly int maxInFlight;
    private readonly Dictionary<int, int> sequenceByPacketId = [];
    private readonly SortedSet<int> delivered = [];
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();

    public SequencePublisher(SessionRig rig, int intervalMs = 25, int maxInFlight = 6)
    {
        this.rig = rig;
        this.intervalMs = intervalMs;
        this.maxInFlight = maxInFlight;
        rig.Recorder.Delivered = OnDelivered;
    }

    /// <summary>Messages the client accepted (numbered 1..Published).</summary>
    public int Published { get; private set; }

    /// <summary>Publishes refused because the connection was down at that moment.</summary>
    public int Refused { get; private set; }

    /// <summary>Whether to publish at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages the broker acknowledged.</summary>
    public IReadOnlySet<int> Delivered => delivered;

    /// <summary>Every accepted message was acknowledged.</summary>
    public bool AllDelivered => delivered.Count == Published && rig.Session.InFlightCount == 0;

    /// <summary>The topic every message goes to.</summary>
    public string Topic => rig.Iccid + "/telemetry";

    /// <summary>A typical reading of 70 bytes: sequence, time, uptime, free memory, temperature, signal.</summary>
    public static byte[] Reading(int sequence)
    {
        string json = string.Create(
            CultureInfo.InvariantCulture, $"{{\"seq\":{sequence,5},\"t\":1764331200,\"up\":86,\"mem\":81234,\"temp\":215,\"rssi\":-83}}");
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>The sequence numbers of the readings the cloud accepted from the SIM, in arrival order, repeats included.</summary>
    public IReadOnlyList<int> ArrivedAtCloud()
    {
        const string Key = "{\"seq\":";
        return [.. rig.PublishedMessages()
            .Where(m => m.Topic == Topic && m.PayloadText.StartsWith(Key, StringComparison.Ordinal))
            .Select(m => int.Parse(m.PayloadText.AsSpan(Key.Length, m.PayloadText.IndexOf(',', StringComparison.Ordinal) - Key.Length), NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture))];
    }

    /// <summary>Publishes the next message when online, due, and the in-flight window allows it.</summary>
    public void Step()
    {
        if (!Enabled || !rig.Session.IsOnline || rig.Session.InFlightCount >= maxInFlight || sinceLast.ElapsedMilliseconds < intervalMs)
        {
            return;
        }

        int sequence = Published + 1;
        byte[] payload = Reading(sequence);
        try
        {
            int packetId = rig.Session.Publish(Topic, payload, 0, payload.Length, 1);
            sequenceByPacketId[packetId] = sequence;
            Published = sequence;
        }
        catch (CloudLinkException e) when (e.NotConnected)
        {
            Refused++;
        }

        sinceLast.Restart();
    }

    /// <summary>Stops publishing and steps the session until the broker has acknowledged every message.</summary>
    public void Drain()
    {
        Enabled = false;
        rig.RunUntil(() => AllDelivered, "every message to be acknowledged");
    }

    /// <summary>Every accepted message was acknowledged and is in the cloud's log; none was set aside.</summary>
    public void AssertEveryMessageArrived()
    {
        IReadOnlyList<int> arrivals = ArrivedAtCloud();
        HashSet<int> arrived = [.. arrivals];
        int[] missing = [.. Enumerable.Range(1, Published).Where(n => !arrived.Contains(n))];
        Assert.True(missing.Length == 0, $"{missing.Length} of {Published} messages never reached the broker: {string.Join(", ", missing)}");
        Assert.All(arrived, n => Assert.InRange(n, 1, Published));
        Assert.Equal(Published, delivered.Count);
        rig.Log.Info($"test: {Published} messages accepted, all {arrived.Count} arrived, {arrivals.Count - arrived.Count} more than once");
        rig.AssertHealthy();
    }

    private void OnDelivered(int packetId)
    {
        if (sequenceByPacketId.Remove(packetId, out int sequence))
        {
            delivered.Add(sequence);
        }
    }
}
