namespace CellularIot.ModemSim;

/// <summary>
/// A serial line in memory: what <see cref="FirmwareEnd"/> writes <see cref="ModemEnd"/> reads and the reverse, in
/// order, with read timeouts honoured by waiting on a monitor. Give <see cref="ModemEnd"/> to a
/// <see cref="ModemSimulator"/> (which then owns it) and <see cref="FirmwareEnd"/> to the firmware's AT layer.
/// </summary>
public sealed class InMemoryLinkPair : IDisposable
{
    /// <summary>Creates the line; each direction buffers up to <paramref name="capacityBytes"/> before a writer waits.</summary>
    public InMemoryLinkPair(int capacityBytes = 1 << 20)
    {
        var toModem = new Core.ByteChannel(capacityBytes);
        var toFirmware = new Core.ByteChannel(capacityBytes);
        FirmwareEnd = new InMemoryLinkEnd(toFirmware, toModem);
        ModemEnd = new InMemoryLinkEnd(toModem, toFirmware);
    }

    /// <summary>The firmware's side: an <see cref="At.IByteLink"/> for the AT layer.</summary>
    public InMemoryLinkEnd FirmwareEnd { get; }

    /// <summary>The module's side, for <see cref="ModemSimulator"/>.</summary>
    public InMemoryLinkEnd ModemEnd { get; }

    /// <summary>Cuts both ends.</summary>
    public void Dispose()
    {
        FirmwareEnd.Dispose();
        ModemEnd.Dispose();
    }
}
