using System.Net.WebSockets;
using CellularIot.Cloud.Token;
using CellularIot.Host;
using CellularIot.Net.Http;
using CellularIot.Net.WebSockets;
using CellularIot.TestSupport;
using Microsoft.AspNetCore.Http;
using Xunit;
using WebSocketCloseStatus = System.Net.WebSockets.WebSocketCloseStatus;
using WebSocketException = CellularIot.Net.WebSockets.WebSocketException;

namespace CellularIot.Net.Tests;

/// <summary>The firmware's WebSocket client against ASP.NET Core's WebSocket server on loopback, plain and TLS.</summary>
public sealed class WebSocketLoopbackTests
{
    private const string Username = "8988228066612345678?x-amz-customauthorizer-name=1nce-jwt-authorizer"
        + "&x-amz-customauthorizer-signature=AbC%2Bde%2Ffg%2BHi%3D%3D&token=eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2ln";

    private static readonly string[] AuthorizerHeaders = ["x-amz-customauthorizer-name", "x-amz-customauthorizer-signature", "token", "Sec-WebSocket-Protocol"];
    private static readonly int[] WriteSizes = [1, 125, 126, 65535, 70000];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExchangesBinaryMessagesWithTheAuthorizerHeaders(bool tls)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var server = await LoopbackWebServer.StartAsync(tls, async context =>
        {
            foreach (string name in AuthorizerHeaders)
            {
                headers[name] = context.Request.Headers[name].ToString();
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync("mqtt").ConfigureAwait(false);
            await EchoUntilCloseAsync(socket).ConfigureAwait(false);
        });

        byte[] sent = Pattern(1 + 125 + 126 + 65535 + 70000);
        byte[] echoed = await WithClientAsync(server.Port, tls, new WebSocketSettings(), client =>
        {
            int at = 0;
            foreach (int size in WriteSizes)
            {
                client.Write(sent, at, size);
                at += size;
            }

            byte[] back = ReadExactly(client, sent.Length);
            client.Close();
            return back;
        });

        Assert.Equal(sent, echoed);
        Assert.Equal("1nce-jwt-authorizer", headers["x-amz-customauthorizer-name"]);
        Assert.Equal("AbC+de/fg+Hi==", headers["x-amz-customauthorizer-signature"]);
        Assert.Equal("eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2ln", headers["token"]);
        Assert.Equal("mqtt", headers["Sec-WebSocket-Protocol"]);
    }

    [Fact]
    public async Task ReassemblesAFragmentedMessage()
    {
        byte[] message = Pattern(50000);
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync("mqtt").ConfigureAwait(false);
            await socket.SendAsync(message.AsMemory(0, 10000), WebSocketMessageType.Binary, endOfMessage: false, Cancellation).ConfigureAwait(false);
            await socket.SendAsync(message.AsMemory(10000, 30000), WebSocketMessageType.Binary, endOfMessage: false, Cancellation).ConfigureAwait(false);
            await socket.SendAsync(message.AsMemory(40000), WebSocketMessageType.Binary, endOfMessage: true, Cancellation).ConfigureAwait(false);
            await EchoUntilCloseAsync(socket).ConfigureAwait(false);
        });

        byte[] received = await WithClientAsync(server.Port, tls: false, new WebSocketSettings(), client =>
        {
            byte[] all = ReadExactly(client, message.Length);
            client.Close();
            return all;
        });

        Assert.Equal(message, received);
    }

    [Fact]
    public async Task AServerCloseIsEchoedSoTheServersCloseHandshakeCompletes()
    {
        var serverClosed = new TaskCompletionSource<WebSocketState>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync("mqtt").ConfigureAwait(false);
            await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, endOfMessage: true, Cancellation).ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Cancellation).ConfigureAwait(false);
            serverClosed.SetResult(socket.State);
        });

        WebSocketException error = await WithClientAsync(server.Port, tls: false, new WebSocketSettings(), client =>
        {
            Assert.Equal(new byte[] { 1, 2, 3 }, ReadExactly(client, 3));
            return Assert.Throws<WebSocketException>(() => client.Read(new byte[8], 0, 8, 5000));
        });

        Assert.Equal(1000, error.CloseStatus);
        Assert.Contains("bye", error.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketState.Closed, await serverClosed.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
    }

    [Fact]
    public async Task TheClientsCloseReachesTheServer()
    {
        var closeStatus = new TaskCompletionSource<WebSocketCloseStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync("mqtt").ConfigureAwait(false);
            var result = await socket.ReceiveAsync(new byte[16], Cancellation).ConfigureAwait(false);
            closeStatus.SetResult(result.MessageType == WebSocketMessageType.Close ? result.CloseStatus : null);
        });

        await WithClientAsync(server.Port, tls: false, new WebSocketSettings(), client =>
        {
            client.Close();
            return true;
        });

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await closeStatus.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
    }

    [Fact]
    public async Task AnOverSizeMessageIsRefusedWith1009()
    {
        var closeStatus = new TaskCompletionSource<WebSocketCloseStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync("mqtt").ConfigureAwait(false);
            await socket.SendAsync(Pattern(3000), WebSocketMessageType.Binary, endOfMessage: true, Cancellation).ConfigureAwait(false);
            var result = await socket.ReceiveAsync(new byte[16], Cancellation).ConfigureAwait(false);
            closeStatus.SetResult(result.CloseStatus);
        });

        var settings = new WebSocketSettings { MaxFrameBytes = 2000, MaxMessageBytes = 2000 };
        WebSocketException error = await WithClientAsync(server.Port, tls: false, settings, client => Assert.Throws<WebSocketException>(() => client.Read(new byte[64], 0, 64, 5000)));

        Assert.Equal(1009, error.CloseStatus);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await closeStatus.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
    }

    [Fact]
    public async Task ARefusedUpgradeReportsItsStatus()
    {
        await using var server = await LoopbackWebServer.StartAsync(tls: true, context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
        using var transport = await LoopbackTransport.ConnectAsync(server.Port, "test-ats.iot.eu-west-3.amazonaws.com", TestCertificate.Server, Cancellation);
        var client = new WebSocketTransport(transport, new SystemClock(), new Random(), new WebSocketSettings());

        var error = await Task.Run(() => Assert.Throws<WebSocketException>(() => client.Connect("test-ats.iot.eu-west-3.amazonaws.com", AuthHeaders())), Cancellation);

        Assert.Equal(403, error.HandshakeStatus);
        Assert.False(transport.IsOpen);
    }

    private static HttpHeaders AuthHeaders()
    {
        var headers = new HttpHeaders();
        CustomAuthUsername.Parse(Username).AddWebSocketHeaders(headers);
        return headers;
    }

    private static async Task<T> WithClientAsync<T>(int port, bool tls, WebSocketSettings settings, Func<WebSocketTransport, T> use)
    {
        const string host = "test-ats.iot.eu-west-3.amazonaws.com";
        using var transport = await LoopbackTransport.ConnectAsync(port, tls ? host : null, TestCertificate.Server, Cancellation).ConfigureAwait(false);
        return await Task.Run(
            () =>
            {
                var client = new WebSocketTransport(transport, new SystemClock(), new Random(), settings);
                client.Connect(host, AuthHeaders());
                Assert.True(client.IsOpen);
                return use(client);
            },
            Cancellation).ConfigureAwait(false);
    }

    private static async Task EchoUntilCloseAsync(System.Net.WebSockets.WebSocket socket)
    {
        byte[] buffer = new byte[100000];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Cancellation).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Cancellation).ConfigureAwait(false);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, result.Count), WebSocketMessageType.Binary, result.EndOfMessage, Cancellation).ConfigureAwait(false);
        }
    }

    private static byte[] ReadExactly(WebSocketTransport client, int count)
    {
        byte[] all = new byte[count];
        int have = 0;
        while (have < count)
        {
            int read = client.Read(all, have, count - have, 5000);
            Assert.True(read > 0, $"timed out after {have} of {count} bytes");
            have += read;
        }

        return all;
    }

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 7) + (i >> 8))).ToArray();
}
