using System.Text;
using CellularIot.Cloud;
using CellularIot.Cloud.Session;

namespace CellularIot.Session.Tests.Support;

/// <summary>What the application hears from the cloud session: state changes, messages (copied), deliveries, abandonments.</summary>
internal sealed class SessionRecorder : ICloudListener
{
    private readonly Lock gate = new();
    private readonly List<(SessionState State, string Detail)> states = [];
    private readonly List<(string Topic, byte[] Payload)> messages = [];
    private readonly List<int> delivered = [];
    private readonly List<int> abandoned = [];

    private int messagesSeen;
    private int deliveriesSeen;

    /// <summary>Called for every PUBACK, after it is recorded.</summary>
    public Action<int>? Delivered { get; set; }

    /// <summary>
    /// Whether messages and deliveries are kept (the default). Off, they are only counted, so that the listener
    /// allocates nothing while a test measures the device's allocations.
    /// </summary>
    public bool Keeping { get; set; } = true;

    /// <summary>Messages received since start, kept or not.</summary>
    public int MessagesSeen => Volatile.Read(ref messagesSeen);

    /// <summary>PUBACKs received since start, kept or not.</summary>
    public int DeliveriesSeen => Volatile.Read(ref deliveriesSeen);

    public IReadOnlyList<(SessionState State, string Detail)> States
    {
        get
        {
            lock (gate)
            {
                return [.. states];
            }
        }
    }

    public IReadOnlyList<(string Topic, byte[] Payload)> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    public IReadOnlyList<int> DeliveredIds
    {
        get
        {
            lock (gate)
            {
                return [.. delivered];
            }
        }
    }

    public IReadOnlyList<int> AbandonedIds
    {
        get
        {
            lock (gate)
            {
                return [.. abandoned];
            }
        }
    }

    /// <summary>The details of every change into <paramref name="state"/>, oldest first.</summary>
    public IReadOnlyList<string> DetailsOf(SessionState state) => [.. States.Where(s => s.State == state).Select(s => s.Detail)];

    public void OnStateChanged(SessionState state, string detail)
    {
        lock (gate)
        {
            states.Add((state, detail));
        }
    }

    public void OnMessage(ICloudMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref messagesSeen);
        if (!Keeping)
        {
            return;
        }

        // The message is valid only during the call: keep copies.
        byte[] payload = message.Buffer.AsSpan(message.PayloadOffset, message.PayloadLength).ToArray();
        lock (gate)
        {
            messages.Add((message.GetTopic(), payload));
        }
    }

    public void OnDelivered(int packetId)
    {
        Interlocked.Increment(ref deliveriesSeen);
        if (!Keeping)
        {
            return;
        }

        lock (gate)
        {
            delivered.Add(packetId);
        }

        Delivered?.Invoke(packetId);
    }

    public void OnAbandoned(int packetId)
    {
        lock (gate)
        {
            abandoned.Add(packetId);
        }
    }

    /// <summary>The payload of message <paramref name="index"/> as text.</summary>
    public string PayloadText(int index) => Encoding.UTF8.GetString(Messages[index].Payload);
}
