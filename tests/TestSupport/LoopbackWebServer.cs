using System.Collections.Concurrent;
using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CellularIot.TestSupport;

/// <summary>A real HTTP/1.1 server (Kestrel) on 127.0.0.1, plain or TLS, answering with a test's handler.</summary>
public sealed class LoopbackWebServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackWebServer(WebApplication app, int port, ConcurrentQueue<string> serverNames)
    {
        this.app = app;
        Port = port;
        ServerNames = serverNames;
    }

    public int Port { get; }

    /// <summary>The SNI names TLS clients sent ("" for none).</summary>
    public ConcurrentQueue<string> ServerNames { get; }

    /// <summary>Starts a server on a free loopback port; with <paramref name="tls"/> it serves the test certificate.</summary>
    public static async Task<LoopbackWebServer> StartAsync(bool tls, RequestDelegate handler)
    {
        var serverNames = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            if (tls)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificateSelector = (_, name) =>
                    {
                        serverNames.Enqueue(name ?? string.Empty);
                        return TestCertificate.Server;
                    };
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                });
            }
        }));
        var built = builder.Build();
        built.UseWebSockets();
        built.Run(handler);
        await built.StartAsync().ConfigureAwait(false);
        string address = built.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackWebServer(built, new Uri(address).Port, serverNames);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
