using System.Diagnostics;
using System.Globalization;
using System.Text;
using CellularIot.Cloud.Mqtt;
using CellularIot.CloudSim;
using Xunit;

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// Publishes numbered telemetry at QoS 1 from the device's thread, as an application does between steps: message n
/// goes to &lt;ICCID&gt;/telemetry/n with a typical ~70-byte JSON reading, so that the cloud's event log (which names
/// topics, not payloads) shows exactly which ones arrived. A publish refused because the session is not online is not
/// counted: only messages the client took responsibility for must arrive.
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

    /// <summary>The topic of message <paramref name="sequence"/>.</summary>
    public static string TopicOf(int sequence) => SessionRig.Iccid + "/telemetry/" + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>A typical reading of 70 bytes: sequence, time, uptime, free memory, temperature, signal.</summary>
    public static byte[] Reading(int sequence)
    {
        string json = string.Create(
            CultureInfo.InvariantCulture, $"{{\"seq\":{sequence,5},\"t\":1764331200,\"up\":86400,\"mem\":81234,\"temp\":215,\"rssi\":-83}}");
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>The sequence numbers of the telemetry messages the cloud logged as published, with repeats.</summary>
    public static IReadOnlyList<int> ArrivedAtCloud(SimulatedCloud cloud)
    {
        string prefix = "'" + SessionRig.Iccid + "/telemetry/";
        return [.. cloud.Events.Snapshot()
            .Where(e => e.Kind == CloudEventKind.MessagePublished && e.ClientId == SessionRig.Iccid && e.Message.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => int.Parse(e.Message.AsSpan(prefix.Length, e.Message.IndexOf('\'', prefix.Length) - prefix.Length), CultureInfo.InvariantCulture))];
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
            int packetId = rig.Session.Publish(TopicOf(sequence), payload, 0, payload.Length, 1);
            sequenceByPacketId[packetId] = sequence;
            Published = sequence;
        }
        catch (MqttException e) when (e.Error == MqttError.NotConnected)
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
        IReadOnlySet<int> arrived = rig.ArrivedSequences();
        int[] missing = [.. Enumerable.Range(1, Published).Where(n => !arrived.Contains(n))];
        Assert.True(missing.Length == 0, $"{missing.Length} of {Published} messages never reached the broker: {string.Join(", ", missing)}");
        Assert.Equal(Published, delivered.Count);
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
