using System.Text;
using CellularIot.App.Telemetry;
using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Token;
using CellularIot.Storage;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The flash stores (token and backlog, over the two-slot store) after anything a power cut, a bit flip or another
/// writer can leave in their slots: missing, cut, garbage, or CRC-valid frames of any payload and sequence. Loading
/// never throws; after a save the store loads exactly what was saved, whatever the slots held before.
/// </summary>
public sealed class FlashStoresTarget : IFuzzTarget
{
    private const int BacklogCapacity = 8;

    /// <inheritdoc/>
    public string Name => "flash-stores";

    /// <inheritdoc/>
    public string Description => "TokenStore, BacklogStore, TwoSlotStore: load any slot contents, then save and load back";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        var login = new OnboardingResult("8988228066612345678?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&token=c", "a-ats.iot.eu-west-1.amazonaws.com", "8988228066612345678", "https://www.amazontrust.com/repository/AmazonRootCA1.pem");
        byte[] token = TokenRecordCodec.Encode(new TokenRecord(login, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc)));
        yield return [0, 1, 0, 0, 0, 5, .. Short(token), 1, 0, 0, 0, 4, .. Short(token[..^3])];
        yield return [1, 1, 0, 0, 0, 2, 40, 0, 0, 0, 1, .. new byte[36], 3, 1, 2, 3];
        yield return [1, 1, 0xFF, 0xFF, 0xFF, 0xFF, 2, 0, 1, 0, 4, 0, 0, 0, 0, 2];
        yield return [0, 0, 30, .. Encoding.ASCII.GetBytes("CITK\u0001garbage garbage garbage"), 3];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        bool token = input.Below(2) == 0;
        var blobs = new MemoryBlobStore();
        string[] names = token ? [TokenStore.SlotA, TokenStore.SlotB] : ["backlog.a", "backlog.b"];
        var framer = token
            ? new TwoSlotStore(blobs, names[0], names[1], TokenStore.Magic, TokenStore.FormatVersion, TokenRecordCodec.MaxPayloadBytes)
            : new TwoSlotStore(blobs, names[0], names[1], "CIBL", 1, 4 + (BacklogCapacity * BacklogStore.RecordBytes));
        foreach (string name in names)
        {
            byte[] slot = Slot(input, framer);
            if (slot != null)
            {
                blobs.Put(name, slot);
            }
        }

        framer.LoadNewestFirst();
        if (token)
        {
            Token(input, blobs);
        }
        else
        {
            Backlog(input, blobs);
        }
    }

    private static byte[] Short(byte[] payload) => [(byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    private static byte[] Slot(FuzzInput input, TwoSlotStore framer)
    {
        switch (input.Below(4))
        {
            case 0:
                return input.Bytes(600);
            case 1:
                uint sequence = (uint)((input.Byte() << 24) | (input.Byte() << 16) | (input.Byte() << 8) | input.Byte());
                return framer.Frame(sequence, input.Bytes(4200));
            case 2:
                return null;
            default:
                byte[] frame = framer.Frame(input.Byte(), input.Bytes(300));
                frame[input.Below(frame.Length)] ^= (byte)(1 << input.Below(8));
                return frame[..^input.Below(frame.Length)];
        }
    }

    private static void Token(FuzzInput input, MemoryBlobStore blobs)
    {
        var store = new TokenStore(blobs);
        store.Load();
        string user = "8988228066612345678?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=b&token=" + input.Below(100000);
        var record = new TokenRecord(new OnboardingResult(user, "a-ats.iot.eu-west-1.amazonaws.com", "8988228066612345678", "https://x/y.pem"), new DateTime(2025, 1, 1, 0, 0, input.Below(60), DateTimeKind.Utc));
        store.Save(record);
        TokenRecord back = new TokenStore(blobs).Load();
        FuzzFindingException.Check(back != null && back.Credentials.Username == user && back.FetchedAtUtc == record.FetchedAtUtc, "the saved token did not load back");
    }

    private static void Backlog(FuzzInput input, MemoryBlobStore blobs)
    {
        var store = new BacklogStore(blobs, BacklogCapacity);
        TelemetryReading[] loaded = store.Load();
        FuzzFindingException.Check(loaded.Length <= BacklogCapacity, "more readings loaded than the backlog holds");
        int count = input.Below(BacklogCapacity + 1);
        var readings = new TelemetryReading[count];
        for (int i = 0; i < count; i++)
        {
            readings[i] = new TelemetryReading { Sequence = input.Below(65536), UnixSeconds = input.Below(65536) * 100000L, UptimeSeconds = input.Below(65536), SignalDbm = -input.Below(120), TemperatureTenths = input.Below(65536) - 32768 };
        }

        store.Save(readings, count);
        TelemetryReading[] back = new BacklogStore(blobs, BacklogCapacity).Load();
        FuzzFindingException.Check(back.Length == count, $"saved {count} readings, loaded {back.Length}");
        for (int i = 0; i < count; i++)
        {
            FuzzFindingException.Check(
                back[i].Sequence == readings[i].Sequence && back[i].UnixSeconds == readings[i].UnixSeconds && back[i].UptimeSeconds == readings[i].UptimeSeconds
                && back[i].SignalDbm == readings[i].SignalDbm && back[i].TemperatureTenths == readings[i].TemperatureTenths && back[i].FreeMemoryBytes == readings[i].FreeMemoryBytes,
                "reading " + i + " came back changed");
        }
    }
}
