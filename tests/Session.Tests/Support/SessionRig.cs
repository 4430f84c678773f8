using System.Diagnostics;
using System.Net;
using CellularIot.At;
using CellularIot.Cloud.Session;
using CellularIot.Cloud.Token;
using CellularIot.CloudSim;
using CellularIot.Host;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;
using CellularIot.Support;
using Xunit;

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// One device against one cloud: a <see cref="SimulatedCloud"/> on loopback that knows the SIM by its 127.x address,
/// a <see cref="ModemSimulator"/> on an in-memory serial line whose host map sends both cloud host names to the
/// cloud's endpoints and whose sockets come from the SIM's address, and the firmware's AT channel, SIM7080G driver,
/// token lifecycle over a <see cref="FileBlobStore"/> in a temporary folder, and <see cref="CloudSession"/>, trusting the
/// cloud's CA instead of Amazon Root CA 1. Nothing runs until the test steps the session (<see cref="RunUntil"/>), on
/// the test's thread, which is then the device's main thread: publishing between steps is what the device does.
/// </summary>
internal sealed class SessionRig : IAsyncDisposable
{
    /// <summary>The SIM's ICCID (the MQTT client ID).</summary>
    public const string Iccid = "8988228066612345678";

    /// <summary>How long one step may wait inside the session.</summary>
    public const int StepMs = 20;

    private static int lastAddress;

    private readonly InMemoryLinkPair line;

    static SessionRig()
    {
        // The tests block on the device while the cloud, the relay and the simulator's sockets run on the thread pool.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }

    private SessionRig(RigSetup setup, SimulatedCloud cloud, IPAddress simAddress, LinkBreaker? breaker)
    {
        Setup = setup;
        Cloud = cloud;
        SimAddress = simAddress;
        Breaker = breaker;
        StoreDirectory = Directory.CreateTempSubdirectory("session-tests-").FullName;
        bool alpn = setup.Transport == Transport.MqttTls;

        var hosts = new Dictionary<string, IPEndPoint>(cloud.HostMap, StringComparer.OrdinalIgnoreCase);
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
            SourceAddress = simAddress,
        });

        Sim7080Settings driver = Fast.Driver();
        driver.AlpnKeyword = alpn ? "alpn" : null;
        DeviceClock = new SyncedClock(Clock);
        Channel = new AtChannel(line.FirmwareEnd, DeviceClock, Log, Fast.Channel());
        Modem = new Sim7080Modem(Channel, Simulator.PowerKey, DeviceClock, Log, driver);

        Settings = Fast.Session();
        setup.Session?.Invoke(Settings);
        Store = new FileBlobStore(StoreDirectory);
        Tokens = new TokenLifecycle(new TokenStore(Store), DeviceClock, Settings.Token, Log);
        byte[] caPem = File.ReadAllBytes(cloud.CaCertificatePath);
        Session = new CloudSession(Modem, Settings, Tokens, DeviceClock, Log, new Random(7), caPem, [.. setup.Subscriptions], Recorder);
    }

    public RigSetup Setup { get; }

    public SimulatedCloud Cloud { get; }

    /// <summary>The address the SIM's connections come from.</summary>
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

    /// <summary>Starts a cloud for the setup and builds the device; nothing runs yet.</summary>
    public static async Task<SessionRig> StartAsync(RigSetup? setup = null)
    {
        setup ??= new RigSetup();
        IPAddress simAddress = NextSimAddress();
        var options = new SimulatedCloudOptions
        {
            Sims = [new SimCard(Iccid, simAddress, setup.SimActive)],
            TokenLifetime = setup.TokenLifetime,
            CsvColumns = setup.CsvColumns ?? new SimulatedCloudOptions().CsvColumns,
        };
        var cloud = new SimulatedCloud(options);
        LinkBreaker? breaker = null;
        try
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            bounded.CancelAfter(TimeSpan.FromSeconds(20));
            await cloud.StartAsync(bounded.Token);
            breaker = setup.ThroughBreaker ? new LinkBreaker(cloud.IotEndpoint, simAddress) : null;
            return new SessionRig(setup, cloud, simAddress, breaker);
        }
        catch
        {
            if (breaker is not null)
            {
                await breaker.DisposeAsync();
            }

            await cloud.DisposeAsync();
            throw;
        }
    }

    /// <summary>Steps the session until <paramref name="done"/> holds, calling <paramref name="eachStep"/> after every step; fails after <paramref name="timeoutMs"/>.</summary>
    public void RunUntil(Func<bool> done, string what, int timeoutMs = 10_000, Action? eachStep = null)
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
    public void RunUntilOnline(int timeoutMs = 10_000) => RunUntil(() => Session.IsOnline, "the session to come online", timeoutMs);

    /// <summary>The events the cloud logged of <paramref name="kind"/>.</summary>
    public IReadOnlyList<CloudEvent> Events(CloudEventKind kind) => [.. Cloud.Events.Snapshot().Where(e => e.Kind == kind)];

    /// <summary>The cloud's connections to the IoT endpoint (MQTT over TLS or over WebSocket).</summary>
    public IReadOnlyList<ConnectionStats> IotConnections() => [.. Cloud.Connections.Where(c => c.Service == CloudService.IotCore)];

    /// <summary>The sequence numbers of <see cref="SequencePublisher"/>'s messages the broker logged as published (once each).</summary>
    public IReadOnlySet<int> ArrivedSequences() => SequencePublisher.ArrivedAtCloud(Cloud).ToHashSet();

    /// <summary>The simulator never failed inside, and the AT channel dropped nothing.</summary>
    public void AssertHealthy()
    {
        Assert.Null(Simulator.InternalError);
        Assert.Empty(Recorder.AbandonedIds);
    }

    public async ValueTask DisposeAsync()
    {
        Session.Stop();
        Modem.Dispose();
        Channel.Stop();
        Simulator.Dispose();
        line.Dispose();
        if (Breaker is not null)
        {
            await Breaker.DisposeAsync();
        }

        IReadOnlyList<CloudEvent> events = Cloud.Events.Snapshot();
        await Cloud.DisposeAsync();
        Directory.Delete(StoreDirectory, recursive: true);

        // Shown for a failed test: the firmware's log, the cloud's decisions and the tail of the AT traffic.
        ITestOutputHelper? output = TestContext.Current.TestOutputHelper;
        if (output is not null)
        {
            foreach (string entry in Log.Lines)
            {
                output.WriteLine(entry);
            }

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

    private static IPAddress NextSimAddress()
    {
        int n = Interlocked.Increment(ref lastAddress);
        return new IPAddress([127, 0, (byte)(10 + (n / 250)), (byte)(1 + (n % 250))]);
    }

    private string Tail() => string.Join(Environment.NewLine, Log.Lines.TakeLast(25));
}
