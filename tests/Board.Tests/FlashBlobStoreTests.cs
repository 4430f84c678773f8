using CellularIot.Esp32Model;
using CellularIot.Storage;
using Xunit;

namespace CellularIot.Board.Tests;

/// <summary>
/// Board's flash store over the model I:\ drive (FileMode.Create empties the file as it opens; power may fail
/// inside any write), and the two-slot store the login and the backlog keep on it.
/// </summary>
[Collection(nameof(FlashDrive))]
public sealed class FlashBlobStoreTests
{
    private const string Drive = "I:\\";

    [Fact]
    public void AShorterBlobReplacesALongerOneExactly()
    {
        Esp32Flash.Format();
        var store = new FlashBlobStore(Drive);

        store.Write("login.a", [1, 2, 3, 4, 5]);
        store.Write("login.a", [9]);

        Assert.Equal([9], store.Read("login.a", 100));
        Assert.Null(store.Read("missing", 100));
        Assert.Null(store.Read("login.a", 0));
    }

    [Fact]
    public void APowerCutAtAnyByteOfASaveLeavesTheLastCompleteRecord()
    {
        byte[] older = [1, 1, 1, 1, 1, 1, 1, 1];
        byte[] newer = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
        int frame = TwoSlotStore.HeaderBytes + newer.Length;
        for (int cut = 0; cut <= frame; cut++)
        {
            Esp32Flash.Format();
            Slots().Save(older);

            Esp32Flash.CutPowerAfter(cut);
            bool completed = true;
            try
            {
                Slots().Save(newer);
            }
            catch (PowerCutException)
            {
                completed = false;
            }

            Esp32Flash.PowerOn();
            byte[][] records = Slots().LoadNewestFirst();
            Assert.True(records.Length >= 1, $"cut after {cut} bytes lost every record");
            Assert.Equal(completed ? newer : older, records[0]);
        }
    }

    private static TwoSlotStore Slots() => new(new FlashBlobStore(Drive), "t.a", "t.b", "TEST", 1, 64);
}

/// <summary>The model drive is one per process: its tests run one at a time.</summary>
[CollectionDefinition(nameof(FlashDrive), DisableParallelization = true)]
public sealed class FlashDrive
{
}
