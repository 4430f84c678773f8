using System.Globalization;
using CellularIot.ModemSim.Commands;
using CellularIot.ModemSim.Net;

namespace CellularIot.ModemSim.Core;

/// <summary>
/// What differs between the modem families the simulator plays: the command families, the boot and power-down
/// lines, the socket and data-context URCs and the socket open results. The rest of the module (power, network,
/// sockets, files, faults) is shared.
/// </summary>
internal abstract class Dialect
{
    public static Dialect For(ModemModel model) => model == ModemModel.Sim7080 ? new SimcomDialect() : new QuectelDialect(model);

    /// <summary>Whether this is a SIMCom module (the commands only SIMCom has are registered then).</summary>
    public abstract bool IsSimcom { get; }

    /// <summary>The model name (AT+CGMM).</summary>
    public abstract string ModelName { get; }

    /// <summary>The firmware revision when the options name none.</summary>
    public abstract string DefaultRevision { get; }

    /// <summary>The boot lines after RDY and +CFUN: 1 (the radio comes on with +CFUN: 1).</summary>
    public abstract IReadOnlyList<string> BootTail(bool simMissing);

    /// <summary>The shortest PWRKEY pulse that switches the module on or off.</summary>
    public abstract int MinPowerKeyPulseMs { get; }

    /// <summary>The line announcing a normal power-down.</summary>
    public abstract string PowerDownLine { get; }

    /// <summary>Whether the clock follows network time without being asked (Quectel keeps NITZ time by itself).</summary>
    public abstract bool ClockFollowsNetwork { get; }

    /// <summary>The AT+CGMR answer line.</summary>
    public abstract string RevisionLine(string revision);

    /// <summary>The URC of an activation that came up (null when the command's own OK says it).</summary>
    public abstract string? PdpActivated { get; }

    /// <summary>The URC of a context that went down; null when nothing is said (a host's own deactivation on Quectel).</summary>
    public abstract string? PdpDeactivated(bool byHost);

    /// <summary>The socket open result URC for the simulator's result <paramref name="result"/> (<see cref="OpenResult"/>).</summary>
    public abstract string OpenResultUrc(int cid, int result);

    /// <summary>The URC saying data waits on <paramref name="cid"/>.</summary>
    public abstract string DataWaitingUrc(int cid);

    /// <summary>The URC saying the peer or the network closed <paramref name="cid"/>.</summary>
    public abstract string PeerClosedUrc(int cid);

    /// <summary>The command families the module answers.</summary>
    public abstract IEnumerable<ICommandFamily> Families(ModemCore modem);

    protected static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
