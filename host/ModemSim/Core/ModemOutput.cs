using System.Text;
using CellularIot.At;

namespace CellularIot.ModemSim.Core;

/// <summary>
/// Everything the module says goes through here: framing ("\r\n&lt;line&gt;\r\n"), the output faults (garbled and
/// dropped bytes), the traffic log, and the mute that silences the module while it is off, booting or hung.
/// </summary>
internal sealed class ModemOutput
{
    // Garbled bytes are XORed with a fixed pattern: deterministic, and it turns CR, LF and letters into other bytes.
    private const byte GarblePattern = 0x5A;

    private readonly IByteLink link;
    private readonly AtTrafficLog traffic;
    private readonly Func<bool> muted;
    private ByteWindow garble;
    private ByteWindow drop;

    public ModemOutput(IByteLink link, AtTrafficLog traffic, Func<bool> muted)
    {
        this.link = link;
        this.traffic = traffic;
        this.muted = muted;
    }

    /// <summary>Sends a framed line: "\r\n" + <paramref name="text"/> + "\r\n".</summary>
    public void Line(string text) => Raw(Encoding.Latin1.GetBytes("\r\n" + text + "\r\n"));

    /// <summary>Sends text as is (echo, prompts).</summary>
    public void Text(string text) => Raw(Encoding.Latin1.GetBytes(text));

    /// <summary>Sends bytes as is; the last <paramref name="dataBytes"/> are data (a socket's, a file's), not AT text.</summary>
    public void Raw(byte[] bytes, int dataBytes = 0)
    {
        if (bytes.Length == 0 || muted())
        {
            return;
        }

        byte[] wire = ApplyFaults(bytes);
        if (wire.Length == 0)
        {
            return;
        }

        traffic.Add(TrafficDirection.FromModem, wire, dataBytes - (bytes.Length - wire.Length));
        try
        {
            link.Write(wire, 0, wire.Length);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or TimeoutException)
        {
            // Nobody is listening (the far end closed or stopped reading): a real module's bytes would be lost too.
        }
    }

    /// <summary>Garbles <paramref name="count"/> bytes after skipping <paramref name="skip"/>.</summary>
    public void Garble(int skip, int count) => garble = new ByteWindow(skip, count);

    /// <summary>Drops <paramref name="count"/> bytes after skipping <paramref name="skip"/>.</summary>
    public void Drop(int skip, int count) => drop = new ByteWindow(skip, count);

    private byte[] ApplyFaults(byte[] bytes)
    {
        if (!garble.Active && !drop.Active)
        {
            return bytes;
        }

        var wire = new List<byte>(bytes.Length);
        foreach (byte b in bytes)
        {
            bool garbled = garble.Next();
            if (!drop.Next())
            {
                wire.Add(garbled ? (byte)(b ^ GarblePattern) : b);
            }
        }

        return [.. wire];
    }
}
