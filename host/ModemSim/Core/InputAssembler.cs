namespace CellularIot.ModemSim.Core;

/// <summary>
/// Turns received bytes into command lines (ended by CR; LF is ignored) or, while a command waits for raw data,
/// into that data. A line longer than the limit is not kept: it is reported as overflowed when its CR arrives.
/// </summary>
internal sealed class InputAssembler
{
    private readonly byte[] line;
    private readonly EventLoop loop;
    private readonly AtTrafficLog traffic;
    private readonly Action<byte[], bool> onLine;
    private int length;
    private bool overflow;
    private int generation;
    private DataCapture? capture;

    public InputAssembler(int maxLineLength, EventLoop loop, AtTrafficLog traffic, Action<byte[], bool> onLine)
    {
        line = new byte[maxLineLength];
        this.loop = loop;
        this.traffic = traffic;
        this.onLine = onLine;
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        int fed = generation;
        foreach (byte b in bytes)
        {
            if (fed != generation)
            {
                // A command rebooted or powered down the module: the rest of this chunk reached a dead module.
                return;
            }

            if (capture is { } data)
            {
                data.Add(b);
                if (data.Full)
                {
                    capture = null;
                    data.Timer?.Cancel();
                    traffic.Add(TrafficDirection.ToModem, data.Data, data.Data.Length);
                    data.Complete(data.Data);
                }
            }
            else if (b == (byte)'\r')
            {
                byte[] text = line[..length];
                bool tooLong = overflow;
                length = 0;
                overflow = false;
                traffic.Add(TrafficDirection.ToModem, [.. text, (byte)'\r']);
                onLine(text, tooLong);
            }
            else if (b != (byte)'\n')
            {
                if (length < line.Length)
                {
                    line[length++] = b;
                }
                else
                {
                    overflow = true;
                }
            }
        }
    }

    /// <summary>Routes the next <paramref name="count"/> bytes to a command, or reports a timeout with what came.</summary>
    public void Capture(int count, int timeoutMs, Action<byte[]> complete, Action<byte[]> timedOut)
    {
        var data = new DataCapture(count, complete, timedOut);
        capture = data;
        data.Timer = loop.Schedule(timeoutMs, () =>
        {
            if (capture == data)
            {
                capture = null;
                traffic.Add(TrafficDirection.ToModem, data.Partial, data.Partial.Length);
                data.TimedOut(data.Partial);
            }
        });
    }

    /// <summary>Forgets a partial line and any pending capture (power loss, reboot, a hung module).</summary>
    public void Reset()
    {
        generation++;
        capture?.Timer?.Cancel();
        capture = null;
        length = 0;
        overflow = false;
    }
}
