using System.Text;
using CellularIot.At;
using Xunit;

namespace CellularIot.ModemSim.Tests.Support;

/// <summary>The firmware's side of the link as a test sees it: raw bytes out, byte-exact expectations in.</summary>
internal sealed class AtPort(IByteLink link)
{
    public const int DefaultTimeoutMs = 15_000;

    private readonly List<byte> pending = [];

    public void Send(string text) => Send(Encoding.Latin1.GetBytes(text));

    public void Send(byte[] bytes) => link.Write(bytes, 0, bytes.Length);

    /// <summary>The next bytes must be exactly <paramref name="expected"/>.</summary>
    public void Expect(string expected, int timeoutMs = DefaultTimeoutMs) => Expect(Encoding.Latin1.GetBytes(expected), timeoutMs);

    public void Expect(byte[] expected, int timeoutMs = DefaultTimeoutMs)
    {
        Fill(expected.Length, timeoutMs);
        byte[] actual = [.. pending.Take(expected.Length)];
        Assert.Equal(AtTrafficEntry.Escape(expected), AtTrafficEntry.Escape(actual));
        pending.RemoveRange(0, expected.Length);
    }

    /// <summary>Nothing may arrive for <paramref name="ms"/>.</summary>
    public void ExpectSilence(int ms)
    {
        Fill(1, ms);
        Assert.True(pending.Count == 0, "Expected silence, got: " + AtTrafficEntry.Escape([.. pending]));
    }

    /// <summary>Reads up to and including <paramref name="marker"/>, returning it all as Latin-1 text.</summary>
    public string ReadUntil(string marker, int timeoutMs = DefaultTimeoutMs)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            string text = Encoding.Latin1.GetString([.. pending]);
            int at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                pending.RemoveRange(0, at + marker.Length);
                return text[..(at + marker.Length)];
            }

            int remaining = (int)(deadline - Environment.TickCount64);
            Assert.True(remaining > 0 && ReadSome(remaining), $"No '{AtTrafficEntry.Escape(Encoding.Latin1.GetBytes(marker))}' in: {AtTrafficEntry.Escape([.. pending])}");
        }
    }

    /// <summary>Drops whatever has arrived (or arrives within <paramref name="ms"/>).</summary>
    public void Drain(int ms)
    {
        while (ReadSome(ms))
        {
        }

        pending.Clear();
    }

    private void Fill(int count, int timeoutMs)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (pending.Count < count)
        {
            int remaining = (int)(deadline - Environment.TickCount64);
            if (remaining <= 0 || !ReadSome(remaining))
            {
                return;
            }
        }
    }

    private bool ReadSome(int timeoutMs)
    {
        var buffer = new byte[4096];
        int read = link.Read(buffer, 0, buffer.Length, timeoutMs);
        pending.AddRange(buffer.AsSpan(0, read));
        return read > 0;
    }
}
