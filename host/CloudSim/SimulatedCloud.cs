using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CellularIot.CloudSim.Auth;
using CellularIot.CloudSim.IotCore;
using CellularIot.CloudSim.Mqtt;
using CellularIot.CloudSim.Onboarding;
using CellularIot.CloudSim.Tls;

namespace CellularIot.CloudSim;

/// <summary>
/// The simulated cloud: 1NCE's onboarding API and AWS IoT Core (MQTT with ALPN <c>mqtt</c>, MQTT over WebSocket,
/// HTTPS publish) with the 1NCE custom authorizer and policy, as TLS servers on loopback addresses, trusting a CA
/// made at start. It accepts and refuses as the real services do, and logs every decision.
/// </summary>
public sealed class SimulatedCloud : IAsyncDisposable
{
    private readonly CloudContext context;
    private readonly Lock gate = new();
    private Running? running;
    private bool stopped;

    /// <summary>Creates a cloud with <paramref name="options"/> (defaults: 1NCE's and AWS's). Nothing listens until <see cref="StartAsync"/>.</summary>
    public SimulatedCloud(SimulatedCloudOptions? options = null)
    {
        SimulatedCloudOptions settings = options ?? new SimulatedCloudOptions();
        string? problem = settings.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        context = new CloudContext(settings);
        Sims = new SimRegistry(settings.Sims);
    }

    /// <summary>The settings this cloud runs with.</summary>
    public SimulatedCloudOptions Options => context.Options;

    /// <summary>The SIMs the onboarding API knows; may be changed while running (for example to deactivate one).</summary>
    public SimRegistry Sims { get; }

    /// <summary>Fault injection for the onboarding API (fail the next N requests with 500 or 503).</summary>
    public OnboardingFaults Faults { get; } = new();

    /// <summary>The event log: connections, authorizer decisions with reasons, messages, refusals.</summary>
    public CloudEventLog Events => context.Events;

    /// <summary>
    /// Calls <paramref name="watcher"/> for every message accepted for routing from now on (MQTT and HTTPS publishes,
    /// with topic and payload), on the broker's thread, until the returned handle is disposed.
    /// </summary>
    public IDisposable WatchMessages(Action<PublishedMessage> watcher) => context.Messages.Watch(watcher);

    /// <summary>Every connection seen, with TLS-level byte counts, oldest first.</summary>
    public IReadOnlyList<ConnectionStats> Connections => context.Connections();

    /// <summary>The onboarding API's host name (its only accepted SNI).</summary>
    public string OnboardingHost => Options.OnboardingHost;

    /// <summary>The IoT Core endpoint's host name (its only accepted SNI).</summary>
    public string IotHost => Options.IotHost;

    /// <summary>The address and port the onboarding API listens on (a host map points the onboarding host name here).</summary>
    public IPEndPoint OnboardingEndpoint => Started.Onboarding.LocalEndPoint;

    /// <summary>The address and port the IoT Core endpoint listens on (a host map points the IoT host name here).</summary>
    public IPEndPoint IotEndpoint => Started.Iot.LocalEndPoint;

    /// <summary>Where each simulated host name is served: what a modem simulator's host map needs.</summary>
    public IReadOnlyDictionary<string, IPEndPoint> HostMap => new Dictionary<string, IPEndPoint>(StringComparer.OrdinalIgnoreCase)
    {
        [OnboardingHost] = OnboardingEndpoint,
        [IotHost] = IotEndpoint,
    };

    /// <summary>The onboarding URL with this cloud's port.</summary>
    public Uri OnboardingUrl => new($"https://{OnboardingHost}:{OnboardingEndpoint.Port}{OnboardingApi.Path}");

    /// <summary>The root CA certificate (public part) the device side must trust instead of Amazon Root CA 1.</summary>
    public X509Certificate2 CaCertificate => Started.CaPublic;

    /// <summary>The PEM file holding <see cref="CaCertificate"/>.</summary>
    public string CaCertificatePath => Started.CaPath;

    /// <summary>The authorizer's token-signing public key in PEM (what AWS holds to verify token signatures).</summary>
    public string TokenSigningPublicKeyPem => Started.TokenSigningKey.ExportSubjectPublicKeyInfoPem();

    /// <summary>Makes the keys and certificates, writes the CA file, and starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(stopped, this);
            if (running is not null)
            {
                throw new InvalidOperationException("The simulated cloud is already started.");
            }
        }

        Running started = await Task.Run(() => Running.Create(context, Sims, Faults), cancellationToken).ConfigureAwait(false);
        try
        {
            await started.Broker.StartAsync().ConfigureAwait(false);
            started.Onboarding.Start();
            started.Iot.Start();
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        lock (gate)
        {
            running = started;
        }
    }

    /// <summary>
    /// What the onboarding API would answer for <paramref name="iccid"/> right now, without HTTP: for printing a
    /// ready-made login, or for tests that need credentials of another SIM.
    /// </summary>
    public OnboardingResponse IssueCredentials(string iccid) => Started.Issuer.Issue(iccid);

    /// <summary>Closes the MQTT connection of <paramref name="clientId"/> from the server side; false when it is not connected.</summary>
    public bool Disconnect(string clientId) => Started.Broker.Kick(clientId, "closed by the operator");

    /// <summary>Stops listening, closes every connection and removes the temporary CA folder. Idempotent.</summary>
    public async Task StopAsync()
    {
        Running? current;
        lock (gate)
        {
            stopped = true;
            current = running;
            running = null;
        }

        if (current is not null)
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private Running Started
    {
        get
        {
            lock (gate)
            {
                return running ?? throw new InvalidOperationException("The simulated cloud is not running; call StartAsync first.");
            }
        }
    }

    /// <summary>Everything that exists while the cloud runs.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly LocalCertificateAuthority authority;
        private readonly X509Certificate2 onboardingCertificate;
        private readonly X509Certificate2 iotCertificate;
        private readonly RSA issuerKey;
        private readonly string? temporaryFolder;

        private Running(CloudContext context, SimRegistry sims, OnboardingFaults faults)
        {
            SimulatedCloudOptions options = context.Options;
            authority = new LocalCertificateAuthority(context.Now);
            onboardingCertificate = authority.IssueServerCertificate(options.OnboardingHost);
            iotCertificate = authority.IssueServerCertificate(options.IotHost);
            CaPublic = X509CertificateLoader.LoadCertificate(authority.Root.RawData);

            string folder = options.CertificateDirectory ?? (temporaryFolder = Directory.CreateTempSubdirectory("cloudsim-").FullName);
            Directory.CreateDirectory(folder);
            CaPath = Path.Combine(folder, "ca.pem");
            File.WriteAllText(CaPath, authority.RootPem);

            issuerKey = RSA.Create(2048);
            TokenSigningKey = RSA.Create(2048);
            Issuer = new TokenIssuer(issuerKey, TokenSigningKey, options);
            var authorizer = new CustomAuthorizer(options.AuthorizerName, TokenSigningKey, issuerKey, options.TimeProvider);
            var policy = new IotPolicy(options);
            Broker = new MqttBroker(context, authorizer, policy);

            var onboarding = new OnboardingApi(context, sims, faults, Issuer);
            Onboarding = new TlsListener(
                CloudService.Onboarding, new IPEndPoint(options.OnboardingAddress, options.OnboardingPort), options.OnboardingHost,
                onboardingCertificate, authority.ServerChain, [SslApplicationProtocol.Http11], onboarding.ServeAsync, context);
            var iot = new IotCoreEndpoint(context, Broker, authorizer, policy);
            Iot = new TlsListener(
                CloudService.IotCore, new IPEndPoint(options.IotAddress, options.IotPort), options.IotHost,
                iotCertificate, authority.ServerChain, [IotCoreEndpoint.MqttAlpn, SslApplicationProtocol.Http11], iot.ServeAsync, context);
        }

        public X509Certificate2 CaPublic { get; }

        public string CaPath { get; }

        public RSA TokenSigningKey { get; }

        public TokenIssuer Issuer { get; }

        public MqttBroker Broker { get; }

        public TlsListener Onboarding { get; }

        public TlsListener Iot { get; }

        public static Running Create(CloudContext context, SimRegistry sims, OnboardingFaults faults) => new(context, sims, faults);

        public async ValueTask DisposeAsync()
        {
            await Onboarding.DisposeAsync().ConfigureAwait(false);
            await Iot.DisposeAsync().ConfigureAwait(false);
            await Broker.DisposeAsync().ConfigureAwait(false);
            onboardingCertificate.Dispose();
            iotCertificate.Dispose();
            CaPublic.Dispose();
            authority.Dispose();
            issuerKey.Dispose();
            TokenSigningKey.Dispose();
            if (temporaryFolder is not null)
            {
                Directory.Delete(temporaryFolder, recursive: true);
            }
        }
    }
}
