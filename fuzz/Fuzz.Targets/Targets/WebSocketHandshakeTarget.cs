using System.Text;
using CellularIot.Net.Http;
using CellularIot.Net.WebSockets;
using CellularIot.Tests.Net.Support;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The WebSocket opening handshake against any answer and any headers a login can carry: only
/// <see cref="WebSocketException"/> escapes <see cref="WebSocketTransport.Connect"/> (the transport is closed then),
/// and a handshake it accepts is a 101 with the right accept key.
/// </summary>
public sealed class WebSocketHandshakeTarget : IFuzzTarget
{
    internal const string Accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    internal const string Accepted = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + Accept + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n";

    /// <inheritdoc/>
    public string Name => "websocket-handshake";

    /// <inheritdoc/>
    public string Description => "WebSocketTransport.Connect: any upgrade answer, any header value";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return [0, 3, 9, 0, .. Encoding.ASCII.GetBytes(Accepted)];
        yield return [1, 3, 9, 5, .. "ab+c="u8, .. Encoding.ASCII.GetBytes(Accepted)];
        yield return [1, 3, 9, 6, .. "a\r\nX: "u8, .. Encoding.ASCII.GetBytes(Accepted)];
        yield return [0, 3, 9, 0, .. "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"u8];
        yield return [0, 3, 9, 0, .. "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: xxx\r\n\r\n"u8];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        bool withHeaders = input.Bool();
        int splitSeed = input.Byte();
        int maxPiece = 1 + input.Below(32);
        HttpHeaders headers = null;
        if (withHeaders)
        {
            headers = new HttpHeaders();
            headers.Add("token", input.Text(200));
        }

        var clock = new ManualClock();
        var inner = new ScriptedTransport(clock) { CloseWhenDrained = input.Bool() };
        byte[] answer = input.Rest();
        inner.Feed(answer);
        inner.SplitRandomly(splitSeed, maxPiece);
        var ws = new WebSocketTransport(inner, clock, new FixedRandom("the sample nonce"u8.ToArray()), new WebSocketSettings());
        try
        {
            ws.Connect("a1b2c3-ats.iot.eu-west-3.amazonaws.com", headers);
        }
        catch (WebSocketException)
        {
            FuzzFindingException.Check(inner.ClosedLocally && !ws.IsOpen, "a failed upgrade left the connection open");
            return;
        }

        FuzzFindingException.Check(ws.IsOpen, "an accepted upgrade is not open");
        string text = Encoding.Latin1.GetString(answer);
        FuzzFindingException.Check(text.Contains(" 101", StringComparison.Ordinal) && text.Contains(Accept, StringComparison.Ordinal), "accepted an upgrade without 101 and the accept key");
    }
}
