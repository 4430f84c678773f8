using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim;

/// <summary>
/// Fault injection, usable while the simulator runs (from any thread but the simulator's own). Each call takes
/// effect before it returns.
/// </summary>
public sealed class ModemFaults
{
    private readonly Core.ModemCore modem;

    internal ModemFaults(Core.ModemCore modem) => this.modem = modem;

    /// <summary>Whether the module is hung (see <see cref="Silence"/>).</summary>
    public bool IsSilent => modem.Loop.Invoke(() => modem.Silent);

    /// <summary>Corrupts the module's next <paramref name="count"/> output bytes (XOR 0x5A) after letting <paramref name="skip"/> through.</summary>
    public void GarbleOutput(int count, int skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        modem.Loop.Invoke(() => modem.Output.Garble(skip, count));
    }

    /// <summary>Loses the module's next <paramref name="count"/> output bytes after letting <paramref name="skip"/> through.</summary>
    public void DropOutput(int count, int skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        modem.Loop.Invoke(() => modem.Output.Drop(skip, count));
    }

    /// <summary>
    /// Puts the URC line <paramref name="urc"/> (for example "+CEREG: 5") inside the next command's response: after its
    /// echo and information lines, before its final result. Several calls queue, one per response.
    /// </summary>
    public void InjectUrcInNextResponse(string urc)
    {
        ArgumentException.ThrowIfNullOrEmpty(urc);
        modem.Loop.Invoke(() => modem.Faults.AddMidResponseUrc(urc));
    }

    /// <summary>Sends the URC line <paramref name="urc"/> now (framed as "\r\n&lt;urc&gt;\r\n").</summary>
    public void EmitUrc(string urc)
    {
        ArgumentException.ThrowIfNullOrEmpty(urc);
        modem.Loop.Invoke(() => modem.Urc(urc));
    }

    /// <summary>
    /// Reboots the module in the middle of the next command whose text after "AT" starts with
    /// <paramref name="commandPrefix"/> ("+CAOPEN"; null or empty: any command): it is echoed (if echo is on) but never
    /// answered, sockets and PDP are lost, and after the boot delay RDY ... SMS Ready follow with echo on again.
    /// </summary>
    public void RebootDuringNextCommand(string? commandPrefix = null) =>
        modem.Loop.Invoke(() => modem.Faults.ArmReboot(FaultState.NormalizePrefix(commandPrefix ?? string.Empty)));

    /// <summary>Reboots the module now, as a watchdog reset would (no answer to anything in flight).</summary>
    public void Reboot() => modem.Loop.Invoke(modem.Reboot);

    /// <summary>
    /// Hangs the module: it neither answers nor reports (input is dropped) for <paramref name="durationMs"/>, or until
    /// <see cref="EndSilence"/> or a power cycle when null.
    /// </summary>
    public void Silence(int? durationMs = null)
    {
        if (durationMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs, "A hang lasts 0 ms or more.");
        }

        modem.Loop.Invoke(() => modem.SetSilent(true, durationMs));
    }

    /// <summary>
    /// Hangs the module for exactly the next <paramref name="count"/> command lines (no echo, no answer), then answers
    /// again: a hang measured in commands, so that a test of the recovery ladder does not depend on the machine's speed.
    /// </summary>
    public void IgnoreCommands(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        modem.Loop.Invoke(() => modem.Faults.IgnoreCommands(count));
    }

    /// <summary>Ends a hang.</summary>
    public void EndSilence() => modem.Loop.Invoke(() => modem.SetSilent(false, null));

    /// <summary>
    /// Answers the next <paramref name="times"/> commands whose text after "AT" starts with
    /// <paramref name="commandPrefix"/> (for example "+CNACT=0,1") with +CME ERROR <paramref name="cmeError"/>, formatted
    /// by the CMEE mode. A negative <paramref name="times"/> fails them until <see cref="ClearCommandFailures"/>.
    /// </summary>
    public void FailCommand(string commandPrefix, int cmeError, int times = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandPrefix);
        if (times == 0)
        {
            return;
        }

        modem.Loop.Invoke(() => modem.Faults.AddFailure(new CommandFailure(FaultState.NormalizePrefix(commandPrefix), cmeError, times)));
    }

    /// <summary>Forgets every <see cref="FailCommand"/>.</summary>
    public void ClearCommandFailures() => modem.Loop.Invoke(modem.Faults.ClearFailures);

    /// <summary>The network denies registration (+CEREG stat 3, with its URC; an active PDP context drops) until lifted.</summary>
    public void SetRegistrationDenied(bool denied) => modem.Loop.Invoke(() => modem.Network.SetDenied(denied));

    /// <summary>
    /// Takes the SIM out (or puts it back): AT+CPIN? and AT+CCID answer +CME ERROR 10, registration is 0, boot reports
    /// "+CPIN: NOT INSERTED" and no "SMS Ready".
    /// </summary>
    public void SetSimMissing(bool missing) => modem.Loop.Invoke(() => modem.Network.SetSimMissing(missing));

    /// <summary>The network drops the PDP context: "+APP PDP: 0,DEACTIVE" (Quectel: +QIURC: "pdpdeact",1), then each open socket reports its close.</summary>
    public void DeactivatePdp() => modem.Loop.Invoke(() => modem.Network.Deactivate());

    /// <summary>The peer closes socket <paramref name="cid"/>: the TCP connection really closes and "+CASTATE: &lt;cid&gt;,0" follows. False when it is not open.</summary>
    public bool ClosePeer(int cid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cid);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cid, Net.SocketTable.Count);
        return modem.Loop.Invoke(() => modem.Sockets.ClosePeer(cid));
    }
}
