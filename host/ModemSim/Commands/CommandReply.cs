using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands;

/// <summary>
/// The answer to one command: information lines, raw bytes, and exactly one final result. A final result that
/// comes after the module rebooted is dropped; an injected mid-response URC goes out just before the final result.
/// The OK of a command that another follows on the same line is not written: the next command runs instead.
/// </summary>
internal sealed class CommandReply(ModemCore modem, Action? onOk = null)
{
    private readonly int epoch = modem.Epoch;

    public bool Finished { get; private set; }

    /// <summary>Whether this reply still belongs to the running module (no reboot since the command).</summary>
    public bool Current => epoch == modem.Epoch;

    public void Info(string line)
    {
        if (Current)
        {
            modem.Output.Line(line);
        }
    }

    public void Raw(byte[] bytes, int dataBytes = 0)
    {
        if (Current)
        {
            modem.Output.Raw(bytes, dataBytes);
        }
    }

    public void Text(string text)
    {
        if (Current)
        {
            modem.Output.Text(text);
        }
    }

    public void Ok() => Final("OK");

    /// <summary>A final result of the command's own (Quectel's SEND OK and SEND FAIL).</summary>
    public void Result(string line) => Final(line);

    /// <summary>Plain ERROR, whatever the CMEE mode (unknown commands, syntax the module does not parse).</summary>
    public void Error() => Final("ERROR");

    /// <summary>+CME ERROR in the current CMEE mode (plain ERROR under CMEE=0).</summary>
    public void Cme(int code) => Final(CmeError.Format(code, modem.Session.Cmee));

    private void Final(string line)
    {
        if (Finished || !Current)
        {
            return;
        }

        Finished = true;
        if (onOk is not null && line == "OK")
        {
            onOk();
            return;
        }

        if (modem.Faults.TryTakeMidResponseUrc(out string urc))
        {
            modem.Output.Line(urc);
        }

        modem.Output.Line(line);
    }
}
