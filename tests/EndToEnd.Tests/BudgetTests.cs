using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.Cloud.Session;
using CellularIot.EndToEnd.Tests.Support;
using CellularIot.Runner;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>
/// The lean bring-up's budgets, counted by the simulated modem (every AT command line the firmware wrote, answered
/// or not, from its start to the first acknowledged message; see <see cref="AtMeter"/>), never by timers: at most
/// <see cref="ColdBudget"/> from power-on with no login and no CA on the modem, <see cref="WarmBudget"/> on a
/// restart whose modem stayed on with the login, the CA and the SSL settings kept, and none while nothing is due.
/// The world has the runner's default timings (a module that boots and registers in seconds). One case per modem
/// and transport: a new modem adds its rows to <see cref="Cases"/> and its world to <see cref="BudgetWorld"/>.
/// </summary>
public sealed class BudgetTests
{
    /// <summary>AT command lines from power-on to the first PUBACK, with no login and no CA on the modem.</summary>
    public const int ColdBudget = 30;

    /// <summary>AT command lines from a restart to the first PUBACK, the modem on with the login and CA kept.</summary>
    public const int WarmBudget = 20;

    /// <summary>Every modem and transport the budgets hold for: the modem's name (see <see cref="BudgetWorld"/>) and the transport.</summary>
    public static TheoryData<string, TransportChoice> Cases => new()
    {
        { BudgetWorld.Sim7080, TransportChoice.MqttTls },
        { BudgetWorld.Sim7080, TransportChoice.MqttWebSocket },
        { BudgetWorld.Sim7080Field, TransportChoice.MqttTls },
        { BudgetWorld.Sim7080Field, TransportChoice.MqttWebSocket },
        { BudgetWorld.Bg95, TransportChoice.MqttTls },
        { BudgetWorld.Bg95, TransportChoice.MqttWebSocket },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AColdStartReachesItsFirstAckWithinTheBudget(string modem, TransportChoice transport)
    {
        await using BudgetWorld world = await BudgetWorld.StartAsync(modem, transport);

        StartFigures cold = world.RunToFirstAck("cold start");

        Assert.True(cold.ToFirstAck <= ColdBudget, $"{cold.ToFirstAck} AT commands to the first ack on a cold start ({modem}, {transport}), budget {ColdBudget}{world.Trace()}");
        Assert.Equal(1, world.LastDevice!.Session.Onboardings);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AWarmRestartReachesItsFirstAckWithinTheBudget(string modem, TransportChoice transport)
    {
        await using BudgetWorld world = await BudgetWorld.StartAsync(modem, transport);
        world.RunToFirstAck("cold start");

        StartFigures warm = world.RunToFirstAck("warm start");

        Assert.True(warm.ToFirstAck <= WarmBudget, $"{warm.ToFirstAck} AT commands to the first ack on a warm restart ({modem}, {transport}), budget {WarmBudget}{world.Trace()}");
        Assert.Equal(0, world.LastDevice!.Session.Onboardings);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnIdleDeviceSendsNoAtCommand(string modem, TransportChoice transport)
    {
        // A reading every 30 s: after each ack the device has nothing to send or receive until the next one, however
        // long a busy machine makes the cold bring-up.
        await using BudgetWorld world = await BudgetWorld.StartAsync(modem, transport, intervalSeconds: 30);

        StartFigures figures = world.Run("cold start", messages: 2);

        Assert.True(figures.IdleTime >= TimeSpan.FromSeconds(5), $"only {figures.IdleTime.TotalSeconds:0.0} s were idle: nothing was measured");
        Assert.True(figures.IdleCommands == 0, $"{figures.IdleCommands} AT commands in {figures.IdleTime.TotalSeconds:0.0} s with nothing to send or receive ({modem}, {transport}){world.Trace()}");
    }

    /// <summary>
    /// A simulated world with one modem and the firmware run in it start after start (each start a new device over
    /// the same modem and store, as after a restart), as the runner's --warm runs it.
    /// </summary>
    public sealed class BudgetWorld : IAsyncDisposable
    {
        /// <summary>A SIMCom SIM7080G (with ALPN when the transport is MQTT over TLS).</summary>
        public const string Sim7080 = "SIM7080G";

        /// <summary>
        /// A SIM7080G that behaves like field modules (<see cref="ModemSim.ModemProfile.Field"/>: noise, a busy SIM,
        /// network-time lines, short reads, a missing OK), at a twentieth of their timing.
        /// </summary>
        public const string Sim7080Field = "SIM7080G (field)";

        /// <summary>A Quectel BG95-M3 (its firmware with ALPN when the transport is MQTT over TLS, the ALPN-less one otherwise).</summary>
        public const string Bg95 = "BG95";

        private readonly SimulatedWorld world;
        private readonly DeviceSettings settings;
        private readonly TestLog log = new();

        private BudgetWorld(SimulatedWorld world, DeviceSettings settings)
        {
            this.world = world;
            this.settings = settings;
        }

        /// <summary>The device of the last start (disposed).</summary>
        public Device? LastDevice { get; private set; }

        public static async Task<BudgetWorld> StartAsync(string modem, TransportChoice transport, int intervalSeconds = 2)
        {
            var options = modem switch
            {
                Sim7080 => new WorldOptions { ModemAlpn = transport == TransportChoice.MqttTls },
                Sim7080Field => new WorldOptions { ModemAlpn = transport == TransportChoice.MqttTls, FieldModem = true, Simulator = new ModemSim.ModemSimOptions().WithFieldTiming(0.05) },
                Bg95 => new WorldOptions { Model = ModemSim.ModemModel.Bg95, ModemAlpn = transport == TransportChoice.MqttTls },
                _ => throw new ArgumentException("no world for modem " + modem, nameof(modem)),
            };
            SimulatedWorld simulated = await SimulatedWorld.StartAsync(options, TestContext.Current.CancellationToken);
            return new BudgetWorld(simulated, new DeviceSettings { PublishIntervalSeconds = intervalSeconds, Transport = transport });
        }

        /// <summary>Starts the firmware and runs it to its first acknowledged message; returns what the modem counted.</summary>
        public StartFigures RunToFirstAck(string start) => Run(start, messages: 1);

        /// <summary>Starts the firmware and runs it until <paramref name="messages"/> are acknowledged; returns what the modem counted.</summary>
        public StartFigures Run(string start, int messages)
        {
            SessionSettings session = Device.SessionSettingsFor(settings);
            Device device = world.CreateDevice(settings, world.DriversFor(settings), session, log);
            using var meter = new AtMeter(world.Modem, start);
            RunOutcome outcome;
            try
            {
                // A minute a message: the world's module boots and registers in seconds, but the machine may be busy.
                var plan = new RunPlan(messages, TimeSpan.FromSeconds(60 * (messages + 1)), 0);
                outcome = new StepLoop(device, plan, traffic: null, meter).Run(() => null, acknowledged: null, TestContext.Current.CancellationToken);
            }
            finally
            {
                device.Dispose();
                LastDevice = device;
            }

            Assert.True(outcome.End == RunEnd.Reached, $"{start}: {outcome.Detail}{Environment.NewLine}{log.Tail()}");
            return meter.Figures;
        }

        /// <summary>The AT commands the modem saw, for a failure's message.</summary>
        public string Trace() =>
            Environment.NewLine + string.Join(Environment.NewLine, world.Modem.Traffic.Entries
                .Where(e => e.Direction == ModemSim.TrafficDirection.ToModem && e.Text.StartsWith("AT", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.ToString()));

        public ValueTask DisposeAsync() => world.DisposeAsync();
    }
}
