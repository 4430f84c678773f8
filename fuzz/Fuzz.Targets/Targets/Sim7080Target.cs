using System.Text;
using CellularIot.At;
using CellularIot.Modem;
using CellularIot.Modem.Sim7080;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The SIM7080G driver over a real AT channel whose modem answers each command healthily, with fuzzed bytes, or not
/// at all (<see cref="FuzzModemLink"/>), with URCs and noise between: bring-up, then a sequence of the operations the
/// session calls (SIM, registration, data context, signal, time, CA file, a socket with sends and receives, recovery,
/// power off). The driver declares <see cref="ModemException"/> and its subclasses (and <see cref="NotSupportedException"/>
/// for ALPN on a modem without it); nothing else may escape, and every call ends within the driver's own timeouts.
/// </summary>
public sealed class Sim7080Target : IFuzzTarget
{
    private static readonly byte[] Pem = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

    /// <inheritdoc/>
    public string Name => "sim7080";

    /// <inheritdoc/>
    public string Description => "Sim7080Modem: bring-up and every operation against fuzzed, missing and healthy answers";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        // Operations first (one byte each, 0 ends the list), then one choice per command (0 = healthy).
        yield return [4, 1, 2, 3, 4, 5, 6, 7, 8, 0];
        yield return [2, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200, 10, .. "\r\n+CAOPEN: 0,19\r\n"u8];
        yield return [3, 3, 4, 0, 180, 20, .. "\r\n+CSQ: 99,99\r\n\r\n"u8, 0, 190, 30, .. "\r\n+CEREG: 1,a,\"x\r\nOK\r\n"u8];
        yield return [1, 8, 0, 250, 0, 250, 0, 0, 0, 230, 0];
        yield return [3, 7, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, .. "hello"u8, 0, 0, 0, 0, 0];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int count = input.Below(5);
        var operations = new List<int>();
        for (int i = 0; i < count; i++)
        {
            operations.Add(input.Below(10));
        }

        using var link = new FuzzModemLink(input);
        var clock = new RealClock();
        var channel = new AtChannel(link, clock, NullLog.Instance, new AtChannelSettings { PollMs = 1, GuardTimeMs = 0 });
        using var modem = new Sim7080Modem(channel, new NullPowerKey(), clock, NullLog.Instance, FastSettings());
        try
        {
            modem.PowerOn();
            foreach (int operation in operations)
            {
                Operate(modem, operation, input);
            }

            modem.PowerOff();
        }
        catch (ModemException)
        {
            // Declared by every driver call.
        }
        finally
        {
            channel.Stop();
        }
    }

    private static Sim7080Settings FastSettings() => new()
    {
        // Real time on a real channel: a few milliseconds are plenty for answers queued when the command is
        // written, and keep the silences the input asks for cheap.
        PowerKeyPulseMs = 1,
        BootTimeoutMs = 12,
        BootProbeIntervalMs = 2,
        ProbeTimeoutMs = 4,
        ProbeAttempts = 2,
        SyncAttempts = 2,
        PowerOffSettleMs = 1,
        CommandTimeoutMs = 6,
        AttachTimeoutMs = 12,
        RegistrationPollMs = 2,
        DataTimeoutMs = 6,
        DataPollMs = 2,
        SocketOpenTimeoutMs = 6,
        SendTimeoutMs = 6,
        ReceiveCommandTimeoutMs = 6,
        FileTimeoutMs = 6,
        ResetTimeoutMs = 6,
        PowerDownTimeoutMs = 6,
    };

    private static void Operate(Sim7080Modem modem, int operation, FuzzInput input)
    {
        switch (operation)
        {
            case 0: modem.ReadSimState(); break;
            case 1: modem.ReadRegistration(); break;
            case 2: modem.WaitForRegistration(); break;
            case 3: modem.ActivateData("iot.1nce.net"); break;
            case 4: modem.ReadSignalQuality(); break;
            case 5: modem.ReadNetworkTimeUtc(); break;
            case 6: modem.EnsureCaCertificate("AmazonRootCA1.pem", Pem); break;
            case 7: Socket(modem, input); break;
            case 8: modem.Recover(); break;
            default: modem.DeactivateData(); break;
        }
    }

    private static void Socket(Sim7080Modem modem, FuzzInput input)
    {
        var options = new SecureSocketOptions("a1b2c3-ats.iot.eu-west-3.amazonaws.com", 443, "AmazonRootCA1.pem");
        if (input.Bool())
        {
            options.Alpn = "mqtt";
        }

        ISecureSocket socket;
        try
        {
            socket = modem.OpenSecureSocket(options);
        }
        catch (NotSupportedException) when (!modem.Capabilities.SupportsAlpn && options.Alpn != null)
        {
            return;
        }

        byte[] buffer = new byte[64];
        try
        {
            for (int turn = 0; turn < 3; turn++)
            {
                socket.Send(buffer, 0, 1 + input.Below(32));
                socket.Receive(buffer, 0, buffer.Length, 4);
            }
        }
        finally
        {
            socket.Close();
        }
    }
}
