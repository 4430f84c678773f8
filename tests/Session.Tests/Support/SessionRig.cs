using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using CellularIot.At;
using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Session;
using CellularIot.Cloud.Token;
using CellularIot.CloudSim;
using CellularIot.Host;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;
using CellularIot.Support;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// One device against the cloud: a <see cref="SimulatedCloud"/> on loopback (the <see cref="SharedCloud"/>, or a cloud of
/// its own when the setup needs other cloud settings) that knows the test's own SIM by its ICCID and 127.x address,
/// a <see cref="ModemSimulator"/> on an in-memory serial line whose host map sends both cloud host names to the
/// cloud's endpoints and whose sockets come from the SIM's address, and the firmware's AT channel, SIM7080G driver,
/// token lifecycle over a <see cref="FileBlobStore"/> in a temporary folder, and <see cref="CloudSession"/>, trusting the
/// cloud's CA instead of Amazon Root CA 1. Nothing runs until the test steps the session (<see cref="RunUntil"/>), on
/// the test's thread, which is then the device's main thread: publishing between steps is what the device does.
/// </summary>
internal sealed class SessionRig : IAsyncDisposable
{
    /// <summary>How long one step may wait inside the session.</summary>
    public const int StepMs = 20;

    /// <summary>
    /// How long a test waits for what must happen: far longer than a working session needs, because on a machine
    /// busy with other builds a TLS handshake can take seconds, and a failing session fails by its own time-outs.
    /// </summary>
    public const int PatientMs = 60_000;

    private static int lastSim;

    private readonly InMemoryLinkPair line;
    private readonly IDisposable tap;
    private readonly ConcurrentQueue<PublishedMessage> published = new();
    private readonly ConcurrentDictionary<string, IPEndPoint> hosts;

    static SessionRig()
    {
        // The tests block on the device while the cloud, the relay and the simulator's sockets run on the thread pool.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }

    private SessionRig(RigSetup setup, SimulatedCloud cloud, bool ownsCloud, SimCard sim, LinkBreaker? breaker)
    {
        Setup = setup;
        Cloud = cloud;
        OwnsCloud = ownsCloud;
        Iccid = sim.Iccid;
        SimAddress = sim.Address;
        Breaker = breaker;
        tap = cloud.WatchMessages(m =>
        {
            if (m.ClientId == sim.Iccid)
            {
                published.Enqueue(m);
            }
        });
        StoreDirectory = Directory.CreateTempSubdirectory("session-tests-").FullName;
        bool alpn = setup.Transport == Transport.MqttTls;

        hosts = new ConcurrentDictionary<string, IPEndPoint>(cloud.HostMap, StringComparer.OrdinalIgnoreCase);
        if (breaker is not null)
        {
            hosts[cloud.IotHost] = breaker.EndPoint;
        }

        line = new InMemoryLinkPair();
        Simulator = new ModemSimulator(line.ModemEnd, Fast.Simulator() with
        {
            Profile = alpn ? ModemProfile.Alpn : ModemProfile.Standard,
            Iccid = Iccid,
            HostMap = hosts,
            SourceAddress = SimAddress,
            NetworkTime = setup.NetworkTime,
        });

        Sim7080Settings driver = Fast.Driver();
        driver.AlpnKeyword = alpn ? "alpn" : null;
        setup.Driver?.Invoke(driver);
        DeviceClock = new SyncedClock(Clock);
        Channel = new AtChannel(line.FirmwareEnd, DeviceClock, Log, Fast.Channel());
        Modem = new Sim7080Modem(Channel, Simulator.PowerKey, DeviceClock, Log, driver);

        Settings = Fast.Session();
        setup.Session?.Invoke(Settings);
        Store = new FileBlobStore(StoreDirectory);
        Tokens = new TokenLifecycle(new TokenStore(Store), DeviceClock, Settings.Token, Log);
        byte[] caPem = setup.TrustedCaPem ?? File.ReadAllBytes(cloud.CaCertificatePath);
        Session = new CloudSession(Modem, Settings, Tokens, DeviceClock, Log, new Random(7), caPem, [.. setup.Subscriptions], Recorder);
    }

    public RigSetup Setup { get; }

    public SimulatedCloud Cloud { get; }

    /// <summary>Whether the cloud is this rig's own (else the shared one, which other tests use at the same time).</summary>
    public bool OwnsCloud { get; }

    /// <summary>The SIM's ICCID (the MQTT client ID), unique to the test.</summary>
    public string Iccid { get; }

    /// <summary>The address the SIM's connections come from, unique to the test.</summary>
    public IPAddress SimAddress { get; }

    /// <summary>The relay to the IoT endpoint, when the setup asked for one.</summary>
    public LinkBreaker? Breaker { get; }

    public ModemSimulator Simulator { get; }

    /// <summary>The clock under the device's <see cref="DeviceClock"/>; a test may move it forward between steps.</summary>
    public SteppableClock Clock { get; } = new();

    public SyncedClock DeviceClock { get; }

    public AtChannel Channel { get; }

    public Sim7080Modem Modem { get; }

    public SessionSettings Settings { get; }

    public string StoreDirectory { get; }

    public FileBlobStore Store { get; }

    public TokenLifecycle Tokens { get; }

    public CloudSession Session { get; }

    public SessionRecorder Recorder { get; } = new();

    public TestLog Log { get; } = new();

    /// <summary>The transport name the session reports for the setup's transport.</summary>
    public string ExpectedTransportName => Setup.Transport == Transport.MqttTls ? "MQTT over TLS (ALPN mqtt)" : "MQTT over WebSocket";

    /// <summary>Registers a SIM for the test in the shared cloud (or starts a cloud of its own) and builds the device; nothing runs yet.</summary>
    public static async Task<SessionRig> StartAsync(RigSetup? setup = null)
    {
        setup ??= new RigSetup();
        var sim = new SimCard(NextIccid(out IPAddress address), address, setup.SimActive);
        bool own = setup.OwnCloud || setup.TokenLifetime != TimeSpan.FromHours(24) || setup.CsvColumns is not null;
        SimulatedCloud cloud = own ? new SimulatedCloud(new SimulatedCloudOptions
        {
            Sims = [sim],
            TokenLifetime = setup.TokenLifetime,
            CsvColumns = setup.CsvColumns ?? new SimulatedCloudOptions().CsvColumns,
        }) : SharedCloud.Instance;
        LinkBreaker? breaker = null;
        var starting = Stopwatch.StartNew();
        try
        {
            if (own)
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                bounded.CancelAfter(TimeSpan.FromSeconds(20));
                await cloud.StartAsync(bounded.Token);
            }
            else
            {
                cloud.Sims.Add(sim);
            }

            breaker = setup.ThroughBreaker ? new LinkBreaker(cloud.IotEndpoint, address) : null;
            var rig = new SessionRig(setup, cloud, own, sim, breaker);
            rig.Log.Info(own ? $"test rig: a cloud of its own started in {starting.ElapsedMilliseconds} ms" : "test rig: on the shared cloud");
            return rig;
        }
        catch
        {
            if (breaker is not null)
            {
                await breaker.DisposeAsync();
            }

            if (own)
            {
                await cloud.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Puts a login for <paramref name="iccid"/> into the token store before boot, as if onboarding had given it a few
    /// seconds ago (the device's clock, set from the network, has whole seconds).
    /// </summary>
    public void StoreLogin(string iccid, Func<string, string>? changeUsername = null)
    {
        CloudSim.OnboardingResponse issued = Cloud.IssueCredentials(iccid);
        string username = changeUsername is null ? issued.Username : changeUsername(issued.Username);
        var login = new OnboardingResult(username, issued.IotCoreEndpointUrl, issued.ClientId, issued.AmazonRootCaUrl);
        new TokenStore(Store).Save(new TokenRecord(login, DateTime.UtcNow.AddSeconds(-5)));
    }

    /// <summary>Makes the modem's DNS answer <paramref name="name"/> with <paramref name="endpoint"/> from now on.</summary>
    public void MapHost(string name, IPEndPoint endpoint) => hosts[name] = endpoint;

    /// <summary>Steps the session until <paramref name="done"/> holds, calling <paramref name="eachStep"/> after every step; fails after <paramref name="timeoutMs"/>.</summary>
    public void RunUntil(Func<bool> done, string what, int timeoutMs = PatientMs, Action? eachStep = null)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (!done())
        {
            if (Environment.TickCount64 >= deadline)
            {
                Assert.Fail($"Timed out after {timeoutMs} ms waiting for {what}; the session is {Session.State}.{Environment.NewLine}{Tail()}");
            }

            Session.RunOnce(StepMs);
            eachStep?.Invoke();
        }
    }

    /// <summary>Steps the session for <paramref name="durationMs"/> whatever happens.</summary>
    public void RunFor(int durationMs, Action? eachStep = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < durationMs)
        {
            Session.RunOnce(StepMs);
            eachStep?.Invoke();
        }
    }

    /// <summary>Runs from power-up to the first MQTT session.</summary>
    public void RunUntilOnline(int timeoutMs = PatientMs) => RunUntil(() => Session.IsOnline, "the session to come online", timeoutMs);

    /// <summary>Every message the cloud accepted from this test's SIM (MQTT or HTTPS), with its payload, oldest first.</summary>
    public IReadOnlyList<PublishedMessage> PublishedMessages() => [.. published];

    /// <summary>The cloud's connections from this test's SIM, oldest first.</summary>
    public IReadOnlyList<ConnectionStats> Connections() => [.. Cloud.Connections.Where(c => c.Remote.Address.Equals(SimAddress))];

    /// <summary>The cloud's connections from this test's SIM to the IoT endpoint (MQTT over TLS or over WebSocket).</summary>
    public IReadOnlyList<ConnectionStats> IotConnections() => [.. Connections().Where(c => c.Service == CloudService.IotCore)];

    /// <summary>Every event the cloud logged about this test's SIM: on its connections, or naming its ICCID.</summary>
    public IReadOnlyList<CloudEvent> Events()
    {
        IReadOnlyList<CloudEvent> all = Cloud.Events.Snapshot();
        HashSet<long> mine = [.. Connections().Select(c => c.Id)];
        return [.. all.Where(e => e.ClientId == Iccid || mine.Contains(e.ConnectionId))];
    }

    /// <summary>The events of <paramref name="kind"/> about this test's SIM.</summary>
    public IReadOnlyList<CloudEvent> Events(CloudEventKind kind) => [.. Events().Where(e => e.Kind == kind)];

    /// <summary>Waits (without stepping the device) for an event about this test's SIM that matches.</summary>
    public Task<CloudEvent> WaitForEventAsync(Func<CloudEvent, bool> match)
        => Cloud.Events.WaitForAsync(e => e.ClientId == Iccid && match(e), TimeSpan.FromMilliseconds(PatientMs), TestContext.Current.CancellationToken);

    /// <summary>The simulator never failed inside, and no QoS 1 message was set aside as undeliverable.</summary>
    public void AssertHealthy()
    {
        Assert.Null(Simulator.InternalError);
        Assert.Empty(Recorder.AbandonedIds);
    }

    public async ValueTask DisposeAsync()
    {
        var stopping = Stopwatch.StartNew();
        Session.Stop();
        tap.Dispose();
        Modem.Dispose();
        Channel.Stop();
        Simulator.Dispose();
        line.Dispose();
        if (Breaker is not null)
        {
            await Breaker.DisposeAsync();
        }

        IReadOnlyList<CloudEvent> events = Events();
        long deviceStopMs = stopping.ElapsedMilliseconds;
        if (OwnsCloud)
        {
            await Cloud.DisposeAsync();
        }
        else
        {
            Cloud.Sims.SetActive(Iccid, active: false);
        }

        Directory.Delete(StoreDirectory, recursive: true);
        Log.Info($"test rig: the device stopped in {deviceStopMs} ms, the cloud in {stopping.ElapsedMilliseconds - deviceStopMs} ms");

        // Shown for a failed test: the firmware's log, the cloud's decisions and the tail of the AT traffic.
        ITestOutputHelper? output = TestContext.Current.TestOutputHelper;
        if (output is not null)
        {
            output.WriteLine(Log.Tail(int.MaxValue));

            foreach (CloudEvent entry in events)
            {
                output.WriteLine("cloud: " + entry);
            }

            foreach (AtTrafficEntry entry in Simulator.Traffic.Entries.TakeLast(100))
            {
                output.WriteLine(entry.ToString());
            }
        }
    }

    // A SIM of its own for each test: an ICCID and a loopback address no other test uses.
    private static string NextIccid(out IPAddress address)
    {
        int n = Interlocked.Increment(ref lastSim);
        address = new IPAddress([127, 0, (byte)(10 + (n / 250)), (byte)(1 + (n % 250))]);
        return "898822806661" + n.ToString("D7", CultureInfo.InvariantCulture);
    }

    private string Tail() => Log.Tail(25);
}
