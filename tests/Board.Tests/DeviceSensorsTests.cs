using CellularIot.Esp32Model;
using CellularIot.Support;
using Xunit;

namespace CellularIot.Board.Tests;

/// <summary>Board's sensors over the model runtime: free memory costs a full collection, so it is measured at most once a minute.</summary>
[Collection(nameof(ModelHeap))]
public sealed class DeviceSensorsTests
{
    [Fact]
    public void FreeMemoryForcesACollectionAtMostOnceAMinute()
    {
        var clock = new HandClock();
        var sensors = new DeviceSensors(clock);
        Esp32Heap.Report(120_000);
        int before = Esp32Heap.Collections;

        Assert.Equal(120_000, sensors.FreeMemoryBytes);
        Esp32Heap.Report(90_000);
        clock.MonotonicMs += 59_999;
        Assert.Equal(120_000, sensors.FreeMemoryBytes);
        Assert.Equal(before + 1, Esp32Heap.Collections);

        clock.MonotonicMs += 1;
        Assert.Equal(90_000, sensors.FreeMemoryBytes);
        Assert.Equal(before + 2, Esp32Heap.Collections);
    }

    private sealed class HandClock : IClock
    {
        public long MonotonicMs { get; set; } = 5_000;

        public DateTime UtcNow => new(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc);
    }
}

/// <summary>The model heap is one per process: its tests run one at a time.</summary>
[CollectionDefinition(nameof(ModelHeap), DisableParallelization = true)]
public sealed class ModelHeap
{
}
