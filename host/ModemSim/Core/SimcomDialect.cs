using CellularIot.ModemSim.Commands;

namespace CellularIot.ModemSim.Core;

/// <summary>The SIMCom SIM7080G's dialect (the simulator's original one).</summary>
internal sealed class SimcomDialect : Dialect
{
    public override bool IsSimcom => true;

    public override string ModelName => "SIMCOM_SIM7080G";

    public override string DefaultRevision => "1951B17SIM7080";

    public override int MinPowerKeyPulseMs => 1000;

    public override string PowerDownLine => "NORMAL POWER DOWN";

    public override bool ClockFollowsNetwork => false;

    public override string? PdpActivated => "+APP PDP: 0,ACTIVE";

    public override IReadOnlyList<string> BootTail(bool simMissing) => simMissing ? ["+CPIN: NOT INSERTED"] : ["+CPIN: READY", "SMS Ready"];

    public override string RevisionLine(string revision) => "Revision:" + revision;

    public override string? PdpDeactivated(bool byHost) => "+APP PDP: 0,DEACTIVE";

    public override string OpenResultUrc(int cid, int result) => Format($"+CAOPEN: {cid},{result}");

    public override string DataWaitingUrc(int cid) => Format($"+CADATAIND: {cid}");

    public override string PeerClosedUrc(int cid) => Format($"+CASTATE: {cid},0");

    public override IEnumerable<ICommandFamily> Families(ModemCore modem) =>
    [
        new GeneralCommands(modem),
        new NetworkCommands(modem),
        new FileCommands(modem),
        new SslCommands(modem),
        new SocketCommands(modem),
    ];
}
