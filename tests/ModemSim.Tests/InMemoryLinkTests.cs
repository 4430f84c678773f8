using System.Diagnostics;
using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed class InMemoryLinkTests
{
    [Fact]
    public void ReadWaitsForItsTimeoutThenReturnsZero()
    {
        using var pair = new InMemoryLinkPair();
        var buffer = new byte[16];
        var watch = Stopwatch.StartNew();
        Assert.Equal(0, pair.FirmwareEnd.Read(buffer, 0, buffer.Length, 120));
        Assert.InRange(watch.ElapsedMilliseconds, 100, 1000);
        watch.Restart();
        Assert.Equal(0, pair.FirmwareEnd.Read(buffer, 0, buffer.Length, 0));
        Assert.InRange(watch.ElapsedMilliseconds, 0, 50);
    }

    [Fact]
    public void ReadReturnsAsSoonAsBytesArriveInOrder()
    {
        using var pair = new InMemoryLinkPair(capacityBytes: 8);
        var writer = new Thread(() =>
        {
            Thread.Sleep(50);
            byte[] data = [.. Enumerable.Range(0, 100).Select(i => (byte)i)];
            pair.ModemEnd.Write(data, 0, data.Length);
        });
        writer.Start();
        var received = new List<byte>();
        var buffer = new byte[7];
        var watch = Stopwatch.StartNew();
        while (received.Count < 100 && watch.ElapsedMilliseconds < 3000)
        {
            int read = pair.FirmwareEnd.Read(buffer, 0, buffer.Length, 3000);
            received.AddRange(buffer.AsSpan(0, read));
        }

        writer.Join();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), received);
    }

    [Fact]
    public void CuttingTheLineTimesOutTheOtherEndAndFailsThisOne()
    {
        var pair = new InMemoryLinkPair();
        pair.ModemEnd.Dispose();
        var buffer = new byte[4];
        pair.FirmwareEnd.Write([1, 2], 0, 2);
        Assert.Equal(0, pair.FirmwareEnd.Read(buffer, 0, 4, 20));
        Assert.Throws<ObjectDisposedException>(() => pair.ModemEnd.Read(buffer, 0, 4, 20));
        pair.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.FirmwareEnd.Read(buffer, 0, 4, 20));
    }

    [Fact]
    public void DisposingTheSimulatorClosesSocketsAndStopsQuickly()
    {
        using var plain = new EchoServer();
        var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Open(0, "127.0.0.1", plain.Port);
        ServerSession session = plain.NextSession();
        var watch = Stopwatch.StartNew();
        h.Dispose();
        Assert.InRange(watch.ElapsedMilliseconds, 0, 1000);
        Assert.True(session.WaitEnded(3000));
        Assert.Throws<ObjectDisposedException>(() => h.Simulator.Power);
    }
}
