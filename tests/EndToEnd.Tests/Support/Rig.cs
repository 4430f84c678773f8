using System.Diagnostics;
using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.Cloud.Session;
using CellularIot.ModemSim;
using CellularIot.Runner;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.EndToEnd.Tests.Support;

/// <summary>
/// The runner's <see cref="SimulatedWorld"/> with fast timings and the whole firmware (<see cref="Device"/>) in it,
/// stepped on the test's thread as the board's Program steps it. Telemetry every second, QoS 1, batch 1.
/// </summary>
internal sealed class Rig : IAsyncDisposable
{
    private Rig(SimulatedWorld world, Device device, TestLog log)
    {
        World = world;
        Device = device;
        Log = log;
    }

    static Rig()
    {
        // Each test blocks a thread stepping its device while its cloud and simulator sockets run on the pool.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }

    public SimulatedWorld World { get; }

    public Device Device { get; }

    public TestLog Log { get; }

    public DeviceRunner Runner => Device.Runner;

    public CloudSession Session => Device.Session;

    /// <summary>The sequence numbers of every telemetry message the cloud received, in arrival order.</summary>
    public IReadOnlyList<long[]> Telemetry => Support.Telemetry.SequencesOf(World.ReceivedOn("telemetry"));

    /// <summary>
    /// A world whose module is <paramref name="model"/> (with or without ALPN) and a device running its driver. A
    /// SIM7080G behaves like field modules (<see cref="CellularIot.ModemSim.ModemProfile.Field"/>, with its timing
    /// scaled down) unless <paramref name="fieldModem"/> is false.
    /// </summary>
    public static async Task<Rig> StartAsync(
        bool modemAlpn = false,
        TimeSpan? tokenLifetime = null,
        TransportChoice transport = TransportChoice.Auto,
        int batchSize = 1,
        int maxPayloadBytes = 128 * 1024,
        ModemModel model = ModemModel.Sim7080,
        bool fieldModem = true)
    {
        SimulatedWorld world = await SimulatedWorld.StartAsync(
            new WorldOptions
            {
                Model = model,
                ModemAlpn = modemAlpn,
                FieldModem = fieldModem && model == ModemModel.Sim7080,
                TokenLifetime = tokenLifetime ?? TimeSpan.FromHours(24),
                MaxPayloadBytes = maxPayloadBytes,
                Simulator = fieldModem && model == ModemModel.Sim7080 ? Fast.FieldSimulator() : Fast.Simulator(),
            },
            TestContext.Current.CancellationToken);
        try
        {
            var settings = new DeviceSettings { PublishIntervalSeconds = Fast.IntervalSeconds, Transport = transport, BatchSize = batchSize };
            ModemDrivers drivers = world.DriversFor(settings);
            Fast.Drivers(drivers);
            SessionSettings session = Device.SessionSettingsFor(settings);
            Fast.Session(session);
            var log = new TestLog();
            return new Rig(world, world.CreateDevice(settings, drivers, session, log), log);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Steps the device until <paramref name="done"/> holds; fails naming <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public void RunUntil(Func<bool> done, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed.TotalSeconds > seconds)
            {
                Assert.Fail($"{what}: not within {seconds} s ({Runner.MessagesAcknowledged} acks, session {Session.State}). Device log:{Environment.NewLine}{Log.Tail()}");
            }

            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
            Device.Step();
        }
    }

    /// <summary>Steps until the device has <paramref name="count"/> acknowledged messages.</summary>
    public void RunUntilAcknowledged(int count, int seconds = 30) =>
        RunUntil(() => Runner.MessagesAcknowledged >= count, $"{count} acknowledged messages", seconds);

    public async ValueTask DisposeAsync()
    {
        try
        {
            Device.Dispose();
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine(Log.Tail(int.MaxValue));
            await World.DisposeAsync();
        }
    }
}
