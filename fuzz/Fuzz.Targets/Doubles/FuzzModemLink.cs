using System.Text;
using CellularIot.At;

namespace CellularIot.Fuzz;

/// <summary>
/// A SIM7080G on the other end of the UART whose every answer the fuzz input may replace. For each command line the
/// input chooses: the healthy answer (the dialect's, as the modem simulator gives it), fuzzed bytes (with or without
/// a final result after them), or silence; and after it, now and then, a URC or a fuzzed line. When the input runs
/// out the modem is healthy, so a shortened input only removes faults. Payloads after a prompt are taken as the
/// module takes them. Answers are queued when the command arrives, so no real time passes but the driver's own.
/// </summary>
public sealed class FuzzModemLink : IByteLink, IDisposable
{
    private const string Ok = "\r\nOK\r\n";

    private static readonly string[] Urcs =
    [
        "\r\n+CADATAIND: 0\r\n", "\r\n+CASTATE: 0,0\r\n", "\r\n+APP PDP: 0,DEACTIVE\r\n", "\r\nRDY\r\n", "\r\nNORMAL POWER DOWN\r\n",
        "\r\nDST: 1\r\n", "\r\n*PSUTTZ: 24/11/28,13:44:22\",\"+04\",0\r\n", "\r\nSMS Ready\r\n", "\r\n+CPIN: NOT READY\r\n", "\r\n+CEREG: 0\r\n",
    ];

    private readonly FuzzInput input;
    private readonly object sync = new();
    private readonly Queue<byte> inbound = new();
    private readonly AutoResetEvent arrived = new(false);
    private readonly StringBuilder line = new();
    private int payloadOwed;
    private string afterPayload;

    /// <summary>Creates the modem; its answers come from <paramref name="input"/>.</summary>
    public FuzzModemLink(FuzzInput input)
    {
        this.input = input;
    }

    /// <summary>Command lines received.</summary>
    public int Commands { get; private set; }

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (Available() == 0 && timeoutMs > 0)
        {
            arrived.WaitOne(timeoutMs);
        }

        lock (sync)
        {
            int n = 0;
            while (n < count && inbound.Count > 0)
            {
                buffer[offset + n++] = inbound.Dequeue();
            }

            return n;
        }
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (sync)
        {
            for (int i = offset; i < offset + count; i++)
            {
                byte b = buffer[i];
                if (payloadOwed > 0)
                {
                    if (--payloadOwed == 0)
                    {
                        Queue(afterPayload);
                    }
                }
                else if (b == '\r')
                {
                    string command = line.ToString();
                    line.Clear();
                    Commands++;
                    Answer(command);
                }
                else if (b != '\n' && line.Length < 1024)
                {
                    line.Append((char)b);
                }
            }
        }

        arrived.Set();
    }

    /// <inheritdoc/>
    public void Dispose() => arrived.Dispose();

    private int Available()
    {
        lock (sync)
        {
            return inbound.Count;
        }
    }

    private void Answer(string command)
    {
        byte choice = input.Byte();
        if (choice < 176)
        {
            Healthy(command);
        }
        else if (choice < 252)
        {
            Queue(input.Bytes(160));
            if ((choice & 7) != 0)
            {
                Queue(choice < 214 ? Ok : "\r\nERROR\r\n");
            }
        }

        // 252 and above: silence, the command times out.
        byte extra = input.Byte();
        if (extra >= 224)
        {
            Queue(extra < 240 ? Urcs[extra % Urcs.Length] : "\r\n" + Encoding.Latin1.GetString(input.Bytes(48)) + "\r\n");
        }
    }

    private void Healthy(string command)
    {
        string reply = command switch
        {
            "AT+CCLK?" => "\r\n+CCLK: \"24/03/05,10:20:30+08\"\r\n" + Ok,
            "AT+CPIN?" => "\r\n+CPIN: READY\r\n" + Ok,
            "AT+CCID" => "\r\n89882280666012345678\r\n" + Ok,
            "AT+CGSN" => "\r\n861234567890123\r\n" + Ok,
            "AT+CGMR" => "\r\nRevision:1951B17SIM7080\r\n" + Ok,
            "AT+CEREG?" => "\r\n+CEREG: 1,5\r\n" + Ok,
            "AT+CSQ" => "\r\n+CSQ: 20,99\r\n" + Ok,
            "AT+CNACT?" => "\r\n+CNACT: 0,1,\"10.1.2.3\"\r\n+CNACT: 1,0,\"0.0.0.0\"\r\n" + Ok,
            "AT+CNACT=0,1" => Ok + "\r\n+APP PDP: 0,ACTIVE\r\n",
            "AT+CNACT=0,0" => Ok + "\r\n+APP PDP: 0,DEACTIVE\r\n",
            "AT+CPOWD=1" => "\r\nNORMAL POWER DOWN\r\n",
            "AT+CFUN=1,1" => Ok + "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n",
            _ => null,
        };
        if (reply == null)
        {
            reply = Prefixed(command);
        }

        Queue(reply);
    }

    private string Prefixed(string command)
    {
        if (command.StartsWith("AT+CSSLCFG=\"alpn\"", StringComparison.Ordinal))
        {
            return "\r\n+CME ERROR: operation not supported\r\n";
        }

        if (command.StartsWith("AT+CAOPEN=", StringComparison.Ordinal))
        {
            return Ok + "\r\n+CAOPEN: " + Field(command, 0) + ",0\r\n";
        }

        if (command.StartsWith("AT+CASEND=", StringComparison.Ordinal) && int.TryParse(Field(command, 1), out int sendCount) && sendCount > 0)
        {
            payloadOwed = sendCount;
            afterPayload = Ok;
            return "\r\n> ";
        }

        if (command.StartsWith("AT+CFSWFILE=", StringComparison.Ordinal) && int.TryParse(Field(command, 3), out int fileCount) && fileCount > 0)
        {
            payloadOwed = fileCount;
            afterPayload = Ok;
            return "\r\nDOWNLOAD\r\n";
        }

        if (command.StartsWith("AT+CARECV=", StringComparison.Ordinal))
        {
            byte[] data = input.Bytes(64);
            return data.Length == 0 ? "\r\n+CARECV: 0\r\n" + Ok : "\r\n+CARECV: " + data.Length + "," + Encoding.Latin1.GetString(data) + "\r\n" + Ok;
        }

        if (command.StartsWith("AT+CFSGFIS=", StringComparison.Ordinal))
        {
            return "\r\n+CME ERROR: file not exist\r\n";
        }

        return Ok;
    }

    private static string Field(string command, int index)
    {
        string[] fields = command[(command.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(',');
        return index < fields.Length ? fields[index] : string.Empty;
    }

    private void Queue(string text)
    {
        if (text != null)
        {
            Queue(Encoding.Latin1.GetBytes(text));
        }
    }

    private void Queue(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            inbound.Enqueue(b);
        }
    }
}
