using System.Text;
using CellularIot.Net;
using CellularIot.Net.WebSockets;
using CellularIot.Tests.Net.Support;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The WebSocket frame reader after a good upgrade, on any frames in random splits, with writes in between: reads
/// and writes declare only <see cref="TransportClosedException"/> (a <see cref="WebSocketException"/> is one), a
/// read never returns more than asked, and every stream ends in the typed error or in silence, never in a hang.
/// </summary>
public sealed class WebSocketFramesTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "websocket-frames";

    /// <inheritdoc/>
    public string Description => "WebSocketTransport.Read and Write after the upgrade: any frames, any split";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return [3, 7, 1, 16, 0, 0x82, 0x05, .. "hello"u8, 0x02, 0x02, .. "ab"u8, 0x89, 0x01, .. "p"u8, 0x80, 0x01, .. "c"u8];
        yield return [3, 7, 1, 16, 0, 0x88, 0x02, 0x03, 0xE8];
        yield return [3, 7, 1, 16, 0, 0x82, 0x7E, 0x00, 0x80, .. new byte[128]];
        yield return [3, 7, 1, 16, 0, 0x82, 0x7F, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        yield return [3, 7, 0, 16, 1, 0x82, 0x85, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0x81, 0x01, 0xFF];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int splitSeed = input.Byte();
        int maxPiece = 1 + input.Below(32);
        bool closeAtEnd = input.Bool();
        int readSize = 1 + input.Below(64);
        bool small = input.Bool();
        var settings = new WebSocketSettings();
        if (small)
        {
            settings.MaxFrameBytes = 16 + input.Below(512);
            settings.MaxMessageBytes = settings.MaxFrameBytes + input.Below(1024);
        }

        var clock = new ManualClock();
        var inner = new ScriptedTransport(clock) { CloseWhenDrained = closeAtEnd };
        inner.Feed(Encoding.ASCII.GetBytes(WebSocketHandshakeTarget.Accepted));
        inner.Feed(input.Rest());
        inner.SplitRandomly(splitSeed, maxPiece);
        var ws = new WebSocketTransport(inner, clock, new FixedRandom("the sample nonce"u8.ToArray()), settings);
        try
        {
            ws.Connect("a1b2c3-ats.iot.eu-west-3.amazonaws.com", null);
        }
        catch (WebSocketException)
        {
            // A handshake cut by the split's read pattern cannot happen with the whole head queued, but a tiny
            // frame limit can still refuse what follows; either way the upgrade has one error.
            return;
        }

        byte[] buffer = new byte[64];
        try
        {
            for (int reads = 0; reads < 400; reads++)
            {
                int n = ws.Read(buffer, 0, readSize, 100);
                FuzzFindingException.Check(n >= 0 && n <= readSize, "read returned " + n + " of " + readSize);
                if (reads % 7 == 3)
                {
                    ws.Write(buffer, 0, 5);
                }

                if (n == 0 && inner.Unread == 0)
                {
                    break;
                }
            }
        }
        catch (TransportClosedException)
        {
            FuzzFindingException.Check(!ws.IsOpen, "the transport failed but says it is open");
        }

        ws.Close();
    }
}
