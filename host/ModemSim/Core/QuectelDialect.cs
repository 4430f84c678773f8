using CellularIot.ModemSim.Commands;
using CellularIot.ModemSim.Commands.Quectel;
using CellularIot.ModemSim.Net;

namespace CellularIot.ModemSim.Core;

/// <summary>
/// The Quectel BG95/BG96 dialect (AT Commands Manual; TCP/IP, SSL and FILE application notes): boot ends with
/// <c>APP RDY</c>, power-down says <c>POWERED DOWN</c>, sockets report <c>+QSSLOPEN</c> and <c>+QSSLURC</c>, the
/// network dropping PDP context 1 reports <c>+QIURC: "pdpdeact",1</c>.
/// </summary>
internal sealed class QuectelDialect(ModemModel model) : Dialect
{
    public override bool IsSimcom => false;

    public override string ModelName => model == ModemModel.Bg96 ? "BG96" : "BG95-M3";

    public override string DefaultRevision => model == ModemModel.Bg96 ? "BG96MAR02A07M1G" : "BG95M3LAR02A03";

    public override int MinPowerKeyPulseMs => 500;

    public override string PowerDownLine => "POWERED DOWN";

    public override bool ClockFollowsNetwork => true;

    public override string? PdpActivated => null;

    public override IReadOnlyList<string> BootTail(bool simMissing) =>
        simMissing ? ["+CPIN: NOT INSERTED", "+QUSIM: 0", "APP RDY"] : ["+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE", "APP RDY"];

    public override string RevisionLine(string revision) => revision;

    public override string? PdpDeactivated(bool byHost) => byHost ? null : "+QIURC: \"pdpdeact\",1";

    public override string OpenResultUrc(int cid, int result) => Format($"+QSSLOPEN: {cid},{QuectelResult(result)}");

    public override string DataWaitingUrc(int cid) => Format($"+QSSLURC: \"recv\",{cid}");

    public override string PeerClosedUrc(int cid) => Format($"+QSSLURC: \"closed\",{cid}");

    public override IEnumerable<ICommandFamily> Families(ModemCore modem) =>
    [
        new GeneralCommands(modem),
        new NetworkCommands(modem),
        new QuectelGeneralCommands(modem),
        new QuectelNetworkCommands(modem),
        new QuectelFileCommands(modem),
        new QuectelSslCommands(modem),
        new QuectelSocketCommands(modem),
    ];

    // The TCP/IP application note's codes: 565 DNS parse failed, 561 open PDP context failed, 566 socket connect
    // failed; a TLS handshake that fails (the certificate's time, name or chain) is -1.
    private static int QuectelResult(int result) => result switch
    {
        OpenResult.Ok => 0,
        OpenResult.SocketError => 554,
        OpenResult.CannotResolve => 565,
        OpenResult.NetworkNotActive => 561,
        OpenResult.CertificateExpired or OpenResult.NameMismatch or OpenResult.ExpiredAndMismatch => -1,
        _ => 566,
    };
}
