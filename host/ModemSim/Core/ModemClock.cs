using System.Globalization;

namespace CellularIot.ModemSim.Core;

/// <summary>
/// The module's real-time clock. After power-up it runs from 1980-01-06 00:00:00 (a real module's default) until
/// network time sets it; AT+CCLK= sets it too. TLS validation uses it, as the module's does.
/// </summary>
internal sealed class ModemClock
{
    private static readonly DateTimeOffset PowerOnTime = new(1980, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private readonly EventLoop loop;
    private readonly DateTimeOffset networkAtStart;
    private DateTimeOffset setTo = PowerOnTime;
    private long setAtMs;

    public ModemClock(EventLoop loop, DateTimeOffset? networkTime)
    {
        this.loop = loop;
        networkAtStart = networkTime ?? DateTimeOffset.UtcNow;
    }

    /// <summary>The module's current time, in the zone it was last given.</summary>
    public DateTimeOffset Now => setTo.AddMilliseconds(loop.NowMs - setAtMs);

    /// <summary>The network's current time, in the network's zone.</summary>
    public DateTimeOffset NetworkNow => networkAtStart.AddMilliseconds(loop.NowMs);

    public void ResetToPowerOn() => Set(PowerOnTime);

    public void SyncToNetwork() => Set(NetworkNow);

    public void Set(DateTimeOffset time)
    {
        setTo = time;
        setAtMs = loop.NowMs;
    }

    /// <summary>The CCLK form: yy/MM/dd,hh:mm:ss±zz with zz in quarter hours.</summary>
    public static string Format(DateTimeOffset time)
    {
        int quarters = (int)(time.Offset.TotalMinutes / 15);
        return time.ToString("yy'/'MM'/'dd','HH':'mm':'ss", CultureInfo.InvariantCulture)
            + (quarters < 0 ? "-" : "+")
            + Math.Abs(quarters).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses the CCLK form; false when malformed.</summary>
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 20 || (text[17] != '+' && text[17] != '-')
            || !int.TryParse(text.AsSpan(18), NumberStyles.None, CultureInfo.InvariantCulture, out int quarters) || quarters > 56
            || !DateTime.TryParseExact(text[..17], "yy'/'MM'/'dd','HH':'mm':'ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return false;
        }

        time = new DateTimeOffset(local, TimeSpan.FromMinutes((text[17] == '-' ? -quarters : quarters) * 15));
        return true;
    }
}
