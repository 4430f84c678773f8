using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.At;
using CellularIot.Board;
using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.CloudSim.Tls;
using CellularIot.Esp32Model;
using CellularIot.Host;
using CellularIot.ModemSim;
using CellularIot.Support;

namespace CellularIot.Runner;

/// <summary>
/// Everything around the firmware on a PC: a <see cref="SimulatedCloud"/> on loopback (1NCE onboarding and AWS IoT
/// Core) that knows one SIM by its address, and a <see cref="ModemSimulator"/> holding that SIM, whose host map
/// sends both cloud host names to the cloud and whose sockets come from the SIM's address. The firmware reaches the
/// modem over an in-memory serial line or a pty opened with System.IO.Ports, and trusts the cloud's CA instead of
/// Amazon Root CA 1. The world also records every message the cloud routes and sends commands to the device from
/// the cloud's side (IoT Core's HTTPS publish, with the SIM's own credentials).
/// </summary>
public sealed class SimulatedWorld : IAsyncDisposable
{
    // What the world keeps of routed messages; a run at one message a second takes a day to fill it.
    private const int MaxRecordedMessages = 100_000;

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    // The UART the board wires to the modem (Program.cs), here a model one.
    private const string BoardModelPort = "COM2";

    private readonly Lock gate = new();
    private readonly List<PublishedMessage> received = [];
    private readonly InMemoryLinkPair? line;
    private readonly IDisposable? pty;
    private readonly SerialLink? serial;
    private readonly UartBridge? boardWire;
    private readonly SerialPortLink? boardLink;
    private readonly IDisposable watch;
    private int disposed;

    private SimulatedWorld(WorldOptions options, SimulatedCloud cloud)
    {
        Options = options;
        Cloud = cloud;
        StoreDirectory = Directory.CreateTempSubdirectory("cellulariot-runner-").FullName;
        CaPem = File.ReadAllBytes(cloud.CaCertificatePath);
        watch = cloud.WatchMessages(Record);
        ModemSimOptions simulator = options.Simulator with
        {
            Model = options.Model,
            Profile = (options.FieldModem ? ModemProfile.Field : ModemProfile.Standard) with { SupportsAlpn = options.ModemAlpn },
            Iccid = options.Iccid,
            HostMap = cloud.HostMap,
            SourceAddress = options.SimAddress,
        };
        try
        {
            if (options.OverPty)
            {
                if (!OperatingSystem.IsLinux())
                {
                    throw new PlatformNotSupportedException("the pty link needs Linux");
                }

                PtyPair pair = PtyPair.Open();
                pty = pair;
                Modem = new ModemSimulator(pair.Master, simulator);
                serial = new SerialLink(pair.SlavePath, options.BaudRate);
                FirmwareLink = serial;
                LinkName = pair.SlavePath + " (a pty, opened with System.IO.Ports at " + options.BaudRate + " baud)";
            }
            else if (options.OverBoardModel)
            {
                line = new InMemoryLinkPair();
                Modem = new ModemSimulator(line.ModemEnd, simulator);
                Esp32Uart uart = Esp32Uart.Install(BoardModelPort);
                boardWire = new UartBridge(uart, line.FirmwareEnd);
                boardLink = new SerialPortLink(BoardModelPort, options.BaudRate);
                FirmwareLink = boardLink;
                LinkName = BoardModelPort + " through the board's SerialPortLink over a model of nanoFramework's ESP32 SerialPort";
            }
            else
            {
                line = new InMemoryLinkPair();
                Modem = new ModemSimulator(line.ModemEnd, simulator);
                FirmwareLink = line.FirmwareEnd;
                LinkName = "an in-memory serial line";
            }
        }
        catch
        {
            DisposeLinks();
            watch.Dispose();
            Directory.Delete(StoreDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>The options the world was made with.</summary>
    public WorldOptions Options { get; }

    /// <summary>The simulated 1NCE onboarding API and AWS IoT Core.</summary>
    public SimulatedCloud Cloud { get; }

    /// <summary>The simulated module (a SIM7080G, BG95 or BG96) holding the SIM.</summary>
    public ModemSimulator Modem { get; }

    /// <summary>The firmware's end of the serial line to the modem.</summary>
    public IByteLink FirmwareLink { get; }

    /// <summary>What the serial line is, for the progress log.</summary>
    public string LinkName { get; }

    /// <summary>The cloud's CA (PEM), which the device trusts instead of Amazon Root CA 1.</summary>
    public byte[] CaPem { get; }

    /// <summary>The SIM's ICCID.</summary>
    public string Iccid => Options.Iccid;

    /// <summary>The temporary folder the device keeps its login in (removed with the world).</summary>
    public string StoreDirectory { get; }

    /// <summary>The modem profile's name, for the progress log.</summary>
    public string ModemDescription => (Options.Model, Options.ModemAlpn) switch
    {
        (ModemModel.Sim7080, true) => Behaving + " SIM7080G whose firmware sends ALPN (AT+CSSLCFG=\"alpn\")",
        (ModemModel.Sim7080, false) => Behaving + " SIM7080G (no ALPN: MQTT goes over WebSocket)",
        (ModemModel model, true) => $"a Quectel {model.ToString().ToUpperInvariant()} whose firmware sends ALPN (AT+QSSLCFG=\"alpn\")",
        (ModemModel model, false) => $"a Quectel {model.ToString().ToUpperInvariant()} without ALPN (MQTT goes over WebSocket)",
    };

    private string Behaving => Options.FieldModem ? "a field-behaving" : "a standard";

    /// <summary>Starts the cloud and the modem simulator; the modem is off until the firmware presses its power key.</summary>
    /// <exception cref="PlatformNotSupportedException"><see cref="WorldOptions.OverPty"/> on a system without ptys.</exception>
    public static async Task<SimulatedWorld> StartAsync(WorldOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WorldOptions();
        var cloud = new SimulatedCloud(new SimulatedCloudOptions
        {
            Sims = [new SimCard(options.Iccid, options.SimAddress)],
            TokenLifetime = options.TokenLifetime,
            MaxPayloadBytes = options.MaxPayloadBytes,
        });
        try
        {
            await cloud.StartAsync(cancellationToken).ConfigureAwait(false);
            return new SimulatedWorld(options, cloud);
        }
        catch
        {
            await cloud.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The device's modem drivers for <paramref name="settings"/> in this world: the driver the settings name, or the
    /// one of the simulated module when they leave it to the board; the SIM7080G driver declares ALPN when the simulated
    /// module has it (the Quectel driver probes for it).
    /// </summary>
    public ModemDrivers DriversFor(DeviceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var drivers = new ModemDrivers(settings, settings.Modem == ModemChoice.Board ? ModemDrivers.ChoiceOf(Options.Model) : settings.Modem);
        drivers.Sim7080.AlpnKeyword = Options.ModemAlpn ? "alpn" : null;
        return drivers;
    }

    /// <summary>
    /// Builds the firmware against this world: the modem's line (or <paramref name="link"/>, a wrapper around
    /// <see cref="FirmwareLink"/>) and power key, the world's store folder, the cloud's CA, the PC's clock and
    /// board-like sensors. The caller runs it with <see cref="Device.Step"/> and disposes it before the world.
    /// </summary>
    public Device CreateDevice(DeviceSettings settings, ModemDrivers drivers, SessionSettings sessionSettings, ILog log, IByteLink? link = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(drivers);
        return new Device(
            settings, drivers.FactoryFor(Modem.PowerKey), sessionSettings, link ?? FirmwareLink, new FileBlobStore(StoreDirectory), CaPem,
            new SystemClock(), log, new BoardLikeSensors());
    }

    /// <summary>Every message the cloud has routed so far (device publishes and commands sent to it), oldest first.</summary>
    public IReadOnlyList<PublishedMessage> Received()
    {
        lock (gate)
        {
            return [.. received];
        }
    }

    /// <summary>The messages routed to &lt;ICCID&gt;/<paramref name="suffix"/> so far, oldest first.</summary>
    public IReadOnlyList<PublishedMessage> ReceivedOn(string suffix)
    {
        string topic = Iccid + "/" + suffix;
        lock (gate)
        {
            return [.. received.Where(m => string.Equals(m.Topic, topic, StringComparison.Ordinal))];
        }
    }

    /// <summary>
    /// Sends command <paramref name="name"/> to the device as a cloud application would: HTTPS <c>POST
    /// /topics/&lt;ICCID&gt;/commands/&lt;name&gt;?qos=1</c> to the IoT endpoint with the SIM's credentials, checked
    /// against the cloud's CA. Returns the HTTP status.
    /// </summary>
    public async Task<HttpStatusCode> SendCommandAsync(string name, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(payload);
        OnboardingResponse login = Cloud.IssueCredentials(Iccid);
        int query = login.Username.IndexOf('?', StringComparison.Ordinal);
        string credentials = query < 0 ? string.Empty : "&" + login.Username[(query + 1)..];
        IPEndPoint endpoint = Cloud.IotEndpoint;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(endpoint, token).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, chain, errors) => DeviceTrust.Accepts(Cloud.CaCertificate, certificate, chain, errors) },
        };
        using var client = new HttpClient(handler) { Timeout = CommandTimeout };
        string topic = Uri.EscapeDataString(Iccid + "/commands/" + name).Replace("%2F", "/", StringComparison.Ordinal);
        var url = new Uri($"https://{Cloud.IotHost}:{endpoint.Port}/topics/{topic}?qos=1{credentials}");
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>Stops the modem simulator and the cloud and removes the store folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        watch.Dispose();
        DisposeLinks();
        await Cloud.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(StoreDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open elsewhere: a temporary folder left behind harms nothing.
        }
    }

    private void DisposeLinks()
    {
        serial?.Dispose();
        boardLink?.Dispose();
        boardWire?.Dispose();
        Modem?.Dispose();
        pty?.Dispose();
        line?.Dispose();
    }

    private void Record(PublishedMessage message)
    {
        lock (gate)
        {
            if (received.Count >= MaxRecordedMessages)
            {
                received.RemoveRange(0, MaxRecordedMessages / 10);
            }

            received.Add(message);
        }
    }
}
