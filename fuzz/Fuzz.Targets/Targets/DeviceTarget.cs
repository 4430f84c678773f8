using System.Text;
using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.Cloud.Session;
using CellularIot.Cloud.Token;
using CellularIot.Support;
using CellularIot.Tests.App.Support;
using CellularIot.Tests.Cloud.Mqtt.Support;
using CellularIot.Tests.Cloud.Onboarding;
using CellularIot.Tests.Cloud.Session.Support;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The device end to end on a simulated modem: the main loop (readings, backlog, commands) and the cloud session
/// (onboarding, login, MQTT over TLS or WebSocket, recovery) over an in-process modem whose every connection the
/// input serves: the onboarding API answering healthily or with fuzzed HTTP, a broker that accepts and then sends
/// fuzzed packets or commands, servers that close, refuse or babble; between steps the modem reboots, the peer
/// closes, power-ons fail and hours pass. <see cref="DeviceRunner.Step"/> declares nothing: no exception may escape
/// it, the backlog stays within its capacity, and no log line holds the token or its signature whole.
/// </summary>
public sealed class DeviceTarget : IFuzzTarget
{
    private const string Iccid = OnboardingSamples.Iccid;
    private const int Capacity = 16;

    /// <inheritdoc/>
    public string Name => "device";

    /// <inheritdoc/>
    public string Description => "DeviceRunner + CloudSession end to end on a simulated modem with fuzzed servers and faults";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        // Servers first (a kind byte each, 0 ends the list), then one event per step.
        yield return [1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0];
        yield return [0, 2, 0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        yield return [0, 1, 2, 0, 0, 0, 4, 20, .. BrokerPackets.Publish(Iccid + "/commands/setInterval", "{\"seconds\":5}", 1, 9, false)[..20], 0, 0, 0, 0];
        yield return [1, 1, 3, 60, .. "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 2\r\n\r\n{}"u8, 2, 0, 0, 0, 5, 6, 0, 0, 0];
        yield return [0, 0, 4, 0, 2, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        bool alpn = input.Bool();
        bool stored = input.Bool();
        var clock = new ManualClock();
        var modem = new SessionModem(clock, Iccid, alpn);
        var log = new SecretScanningLog(OnboardingSamples.Jwt, OnboardingSamples.EncodedSignature);
        var blobs = new MemoryBlobStore();
        var sessionSettings = new SessionSettings();
        var tokens = new TokenLifecycle(new TokenStore(blobs), clock, sessionSettings.Token, log);
        if (stored)
        {
            tokens.Accept(new CellularIot.Cloud.Onboarding.OnboardingResult(OnboardingSamples.Username, OnboardingSamples.Endpoint, Iccid, OnboardingSamples.RootCaUrl));
        }

        var served = new List<ServerSocket>();
        for (int kind = input.Byte(); kind != 0 && served.Count < 16; kind = input.Byte())
        {
            served.Add(Server(kind, clock, input));
            modem.Serve(served[^1]);
        }

        var settings = new DeviceSettings { PublishIntervalSeconds = 1 + input.Below(120), BatchSize = 1 + input.Below(3), Qos = input.Below(2) };
        var runner = new DeviceRunner(settings, modem, new FixedSensors(), clock, log, Capacity);
        var session = new CloudSession(modem, sessionSettings, tokens, new SyncedClock(clock), log, new Random(7), Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), [DeviceRunner.CommandFilter], runner);
        runner.Attach(new VirtualTimeLink(session, clock));
        for (int step = 0; step < 40; step++)
        {
            Event(input.Byte(), clock, modem, served, input);
            runner.Step();
            FuzzFindingException.Check(runner.BacklogCount <= Capacity, "backlog over its capacity");
        }

        session.Stop();
    }

    private static ServerSocket Server(int kind, ManualClock clock, FuzzInput input)
    {
        switch (kind % 6)
        {
            case 1:
                return new HttpServerSocket(clock, HttpServerSocket.Response("200 OK", "text/csv", OnboardingSamples.CsvLine([0, 1, 2, 3])));
            case 2:
                return new BrokerSocket(clock, input.Below(8) < 6 ? 0 : input.Below(6));
            case 3:
                return new FuzzServerSocket(clock, input.Bytes(400), input.Bool());
            case 4:
                return new HttpServerSocket(clock, HttpServerSocket.Response("200 OK", input.Bool() ? "application/json" : "text/csv", Encoding.Latin1.GetString(input.Bytes(300))));
            default:
                var broker = new BrokerSocket(clock, 0);
                broker.Answer(input.Bytes(200));
                return broker;
        }
    }

    private static void Event(byte kind, ManualClock clock, SessionModem modem, List<ServerSocket> served, FuzzInput input)
    {
        // The connection the session opened last, when the modem had a server for it.
        BrokerSocket broker = modem.Opened.Count > 0 && modem.Opened.Count <= served.Count ? served[modem.Opened.Count - 1] as BrokerSocket : null;
        switch (kind)
        {
            case 0:
                break;
            case 1:
                clock.Advance(1000L * input.Below(4000));
                break;
            case 2:
                clock.Advance(3600L * 1000 * (1 + input.Below(30)));
                break;
            case 3:
                modem.Reboot();
                break;
            case 4:
                Send(broker, input.Bytes(200));
                break;
            case 5:
                broker?.CloseFromPeer();
                break;
            case 6:
                modem.FailPowerOns = 1 + input.Below(3);
                break;
            case 7:
                served.Add(Server(input.Byte(), clock, input));
                modem.Serve(served[^1]);
                break;
            case 8:
                string name = Encoding.ASCII.GetString(input.Bytes(12).Select(b => (byte)('a' + (b % 26))).ToArray());
                Send(broker, MqttFramerTarget.Publish(Iccid + "/commands/" + name, Encoding.Latin1.GetString(input.Bytes(80)), input.Below(2)));
                break;
            default:
                clock.Advance(kind * 100);
                break;
        }
    }

    private static void Send(BrokerSocket broker, byte[] packet)
    {
        try
        {
            broker?.Answer(packet);
        }
        catch (InvalidOperationException)
        {
            // The test server's queue is full: the device is not reading, which is its own business.
        }
    }
}
