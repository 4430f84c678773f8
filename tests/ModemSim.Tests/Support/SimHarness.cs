using System.Globalization;
using System.Text;
using Xunit;

namespace CellularIot.ModemSim.Tests.Support;

/// <summary>A simulator on an in-memory link with short delays, and helpers that speak the dialect to it.</summary>
internal sealed class SimHarness : IDisposable
{
    private readonly InMemoryLinkPair pair = new();

    public SimHarness(ModemSimOptions? options = null)
    {
        Simulator = new ModemSimulator(pair.ModemEnd, options ?? Fast);
        Port = new AtPort(pair.FirmwareEnd);
    }

    /// <summary>Short delays: the module boots in milliseconds and registers (roaming) after 30 ms.</summary>
    public static ModemSimOptions Fast { get; } = new()
    {
        BootDelayMs = 10,
        BootUrcIntervalMs = 2,
        PowerKeyMinPulseMs = 20,
        PdpActivationDelayMs = 10,
        ConnectTimeoutMs = 5000,
        DefaultSendInputTimeoutMs = 1000,
        RegistrationScript = [new(2, 30), new(5, 0)],
    };

    public ModemSimulator Simulator { get; }

    public AtPort Port { get; }

    /// <summary>Whether the module echoes (the harness tracks ATE0 it sent itself).</summary>
    public bool Echo { get; set; } = true;

    /// <summary>Pulses the power key and expects the boot URCs.</summary>
    public void PowerUp()
    {
        Simulator.PowerKey.Pulse(Simulator.PowerKeyMinPulseMs);
        Port.Expect(Dialect.Boot);
        Echo = true;
    }

    /// <summary>Boots, turns echo off and selects verbose errors.</summary>
    public void Start()
    {
        PowerUp();
        Command("ATE0", Dialect.Ok);
        Command("AT+CMEE=2", Dialect.Ok);
    }

    /// <summary>Sends <paramref name="command"/> + CR and expects its echo (when on) then exactly <paramref name="response"/>.</summary>
    public void Command(string command, string response)
    {
        Port.Send(command + "\r");
        if (Echo)
        {
            Port.Expect(command + "\r");
        }

        if (command.Equals("ATE0", StringComparison.OrdinalIgnoreCase))
        {
            Echo = false;
        }

        Port.Expect(response);
    }

    /// <summary>Sends <paramref name="command"/> and returns everything up to the final OK.</summary>
    public string Query(string command)
    {
        Port.Send(command + "\r");
        return Port.ReadUntil(Dialect.Ok);
    }

    /// <summary>Polls AT+CEREG? until the network says roaming or home.</summary>
    public void WaitRegistered()
    {
        long deadline = Environment.TickCount64 + 3000;
        while (true)
        {
            string answer = Query("AT+CEREG?");
            if (answer.Contains(",5\r\n", StringComparison.Ordinal) || answer.Contains(",1\r\n", StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(Environment.TickCount64 < deadline, "Never registered: " + answer);
            Thread.Sleep(10);
        }
    }

    /// <summary>Sets network time, waits for registration and activates the PDP context.</summary>
    public void AttachNetwork()
    {
        Command("AT+CLTS=1", Dialect.Ok);
        WaitRegistered();
        Command("AT+CNACT=0,1", Dialect.Ok);
        Port.Expect(Dialect.Line("+APP PDP: 0,ACTIVE"));
    }

    /// <summary>Writes a file with CFSINIT / CFSWFILE (DOWNLOAD, raw bytes) / CFSTERM.</summary>
    public void UploadFile(string name, byte[] content)
    {
        Command("AT+CFSINIT", Dialect.Ok);
        Command(Invariant($"AT+CFSWFILE=3,\"{name}\",0,{content.Length},5000"), Dialect.Line("DOWNLOAD"));
        Port.Send(content);
        Port.Expect(Dialect.Ok);
        Command("AT+CFSTERM", Dialect.Ok);
    }

    /// <summary>
    /// Uploads and converts a CA, and sets socket <paramref name="cid"/> to TLS with it and the SNI (none when null),
    /// in SSL context <paramref name="context"/>, selected with crindex when given, the socket's own cid otherwise.
    /// </summary>
    public void ConfigureTls(int cid, string caPem, string? sni, string caFile = "ca.pem", int? context = null)
    {
        int ctx = context ?? cid;
        UploadFile(caFile, Encoding.ASCII.GetBytes(caPem));
        Command(Invariant($"AT+CSSLCFG=\"sslversion\",{ctx},3"), Dialect.Ok);
        Command($"AT+CSSLCFG=\"convert\",2,\"{caFile}\"", Dialect.Ok);
        if (sni is not null)
        {
            Command(Invariant($"AT+CSSLCFG=\"sni\",{ctx},\"{sni}\""), Dialect.Ok);
        }

        Command(Invariant($"AT+CASSLCFG={cid},\"SSL\",1"), Dialect.Ok);
        Command(Invariant($"AT+CASSLCFG={cid},\"CACERT\",\"{caFile}\""), Dialect.Ok);
        if (context is int selected)
        {
            Command(Invariant($"AT+CASSLCFG={cid},\"crindex\",{selected}"), Dialect.Ok);
        }
    }

    /// <summary>CAOPEN and its result URC.</summary>
    public void Open(int cid, string host, int port, int expectedResult = 0, int timeoutMs = AtPort.DefaultTimeoutMs)
    {
        Command(Invariant($"AT+CAOPEN={cid},0,\"TCP\",\"{host}\",{port}"), Dialect.Ok);
        Port.Expect(Dialect.Line(Invariant($"+CAOPEN: {cid},{expectedResult}")), timeoutMs);
    }

    /// <summary>CASEND with its prompt and OK.</summary>
    public void SendData(int cid, byte[] data)
    {
        Command(Invariant($"AT+CASEND={cid},{data.Length}"), Simulator.Options.Profile.SendPrompt);
        Port.Send(data);
        Port.Expect(Dialect.Ok);
    }

    /// <summary>CARECV expecting exactly <paramref name="data"/>.</summary>
    public void ReceiveData(int cid, int max, byte[] data)
    {
        string prefix = Simulator.Options.Profile.ReceiveReportsCid ? Invariant($"+CARECV: {cid},{data.Length}") : Invariant($"+CARECV: {data.Length}");
        Command(Invariant($"AT+CARECV={cid},{max}"), data.Length == 0 ? Dialect.Line(prefix) + Dialect.Ok : "\r\n" + prefix + "," + Encoding.Latin1.GetString(data) + Dialect.Ok);
    }

    public void Dispose()
    {
        Simulator.Dispose();
        pair.Dispose();
        Assert.Null(Simulator.InternalError);
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Waits (sleeping) until <paramref name="condition"/> holds.</summary>
    public static void Eventually(Func<bool> condition, string what, int timeoutMs = 3000)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "Timed out waiting for " + what);
            Thread.Sleep(5);
        }
    }
}
