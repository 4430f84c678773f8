using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace CellularIot.CloudSim.Tests.Support;

/// <summary>A bare TLS client and hand-made MQTT packets, for the tests that must see exactly what comes back (or that nothing does).</summary>
internal static class RawTls
{
    /// <summary>Opens TLS to <paramref name="endpoint"/>; <paramref name="sni"/> null sends no SNI. The server is not checked: the refusal under test must be the server's.</summary>
    public static async Task<SslStream> ConnectAsync(IPEndPoint endpoint, string? sni, string? alpn)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint, TestCloud.Bounded());
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = sni ?? string.Empty,
                    ApplicationProtocols = alpn is null ? null : [new SslApplicationProtocol(alpn)],
#pragma warning disable CA5359 // These tests probe the server's refusals; the client must not refuse first.
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
#pragma warning restore CA5359
                },
                TestCloud.Bounded());
            return tls;
        }
        catch
        {
            await tls.DisposeAsync();
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>An MQTT 3.1.1 CONNECT with clean session, a username and no password.</summary>
    public static byte[] Connect(string clientId, string username, ushort keepAliveSeconds)
    {
        var body = new List<byte> { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x82, (byte)(keepAliveSeconds >> 8), (byte)keepAliveSeconds };
        AddString(body, clientId);
        AddString(body, username);
        return Packet(0x10, body);
    }

    /// <summary>An MQTT PINGREQ.</summary>
    public static byte[] PingRequest() => [0xC0, 0x00];

    /// <summary>The next byte, or null when the server closed; fails when neither happens within <paramref name="timeout"/>.</summary>
    public static async Task<int?> NextByteOrEndAsync(Stream stream, TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestCloud.Bounded());
        wait.CancelAfter(timeout);
        byte[] one = new byte[1];
        try
        {
            return await stream.ReadAsync(one, wait.Token) == 0 ? null : one[0];
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Reads one whole MQTT packet (fixed header and body) and returns its type byte.</summary>
    public static async Task<byte> ReadPacketAsync(Stream stream)
    {
        byte[] one = new byte[1];
        await stream.ReadExactlyAsync(one, TestCloud.Bounded());
        byte type = one[0];
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            await stream.ReadExactlyAsync(one, TestCloud.Bounded());
            length |= (one[0] & 0x7F) << shift;
            if ((one[0] & 0x80) == 0)
            {
                break;
            }
        }

        await stream.ReadExactlyAsync(new byte[length], TestCloud.Bounded());
        return type;
    }

    private static void AddString(List<byte> body, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        body.Add((byte)(bytes.Length >> 8));
        body.Add((byte)bytes.Length);
        body.AddRange(bytes);
    }

    private static byte[] Packet(byte type, List<byte> body)
    {
        var packet = new List<byte> { type };
        int length = body.Count;
        do
        {
            byte digit = (byte)(length % 128);
            length /= 128;
            packet.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        packet.AddRange(body);
        return [.. packet];
    }
}
