using System.Security.Cryptography;
using CellularIot.At;
using CellularIot.Modem.Tests.Support;
using Xunit;

namespace CellularIot.Modem.Tests;

/// <summary>Garbled and lost bytes and URCs inside answers: a typed error or a right answer, and the link keeps working.</summary>
public sealed class LinkFaultTests
{
    // "\r\n+CSQ: 20,99\r\n\r\nOK\r\n": where the answer's parts sit, for faults aimed at them.
    private const int CsqInfoStart = 2;
    private const int CsqOkStart = 17;

    [Fact]
    public void GarbledInformationLineIsATypedErrorAndTheNextCommandWorks()
    {
        using var rig = new ModemRig();
        rig.BringUp();
        rig.Simulator.Faults.GarbleOutput(5, skip: CsqInfoStart);
        ModemException error = Assert.ThrowsAny<ModemException>(() => rig.Modem.ReadSignalQuality());
        Assert.Contains("AT+CSQ", error.Message, StringComparison.Ordinal);
        Assert.True(rig.Channel.UnhandledUrcs > 0, "The garbled line went nowhere.");
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void GarbledFinalResultTimesOutTypedAndTheNextCommandWorks()
    {
        using var rig = new ModemRig();
        rig.BringUp();
        rig.Simulator.Faults.GarbleOutput(2, skip: CsqOkStart);
        AtCommandException cause = Expect.TimedOut(() => rig.Modem.ReadSignalQuality());
        Assert.Equal("AT+CSQ", cause.CommandText);
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void DroppedBytesInAnAnswerAreATypedErrorAndTheNextCommandWorks()
    {
        using var rig = new ModemRig();
        rig.BringUp();

        // "+CSQ: 20" is lost: the answer has no line the command recognises.
        rig.Simulator.Faults.DropOutput(8, skip: CsqInfoStart);
        ModemException error = Assert.ThrowsAny<ModemException>(() => rig.Modem.ReadSignalQuality());
        Assert.Contains("AT+CSQ", error.Message, StringComparison.Ordinal);
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);

        // The final result is lost: a timeout.
        rig.Simulator.Faults.DropOutput(6, skip: CsqOkStart - 2);
        Expect.TimedOut(() => rig.Modem.ReadSignalQuality());
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void DroppedBytesInReceivedDataEndTheReadAtItsOkAndCorruptNothingAfter()
    {
        using var world = new TlsWorld();
        using var rig = TlsSocketTests.Connected(world, out ISecureSocket socket, out ServerConnection server);

        // Data waits in the module; the next thing it says is the CARECV answer, ten of whose data bytes are lost. Field
        // firmware also announces more than it delivers, and the two look alike on the line: the read ends at the
        // answer's OK with what came (the protocol above finds the gap), and the OK is never taken for data.
        byte[] sent = RandomNumberGenerator.GetBytes(200);
        server.Write(sent);
        Wait.Until(() => rig.Traffic.Contains("+CADATAIND: 0", StringComparison.Ordinal), "the data indication");
        rig.Simulator.Faults.DropOutput(10, skip: 40);
        var buffer = new byte[1460];
        Assert.Equal(190, socket.Receive(buffer, 0, buffer.Length, 2000));
        Assert.Equal(sent[..25], buffer[..25]);
        Assert.Equal(sent[35..], buffer[25..190]);
        socket.Close();

        // The modem still answers correctly, and a new connection carries data untouched.
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        ISecureSocket next = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
        ServerConnection nextServer = world.Server.NextConnection();
        byte[] down = RandomNumberGenerator.GetBytes(3000);
        nextServer.Write(down);
        Assert.Equal(down, TlsSocketTests.ReceiveExactly(next, down.Length));
        next.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void BytesLostFromOneSocketsDataNeverLeakIntoAnothers()
    {
        using var world = new TlsWorld();
        using var rig = TlsSocketTests.Connected(world, out ISecureSocket first, out ServerConnection firstServer);
        ISecureSocket second = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
        ServerConnection secondServer = world.Server.NextConnection();
        Assert.Equal(1, second.Id);
        byte[] secondData = RandomNumberGenerator.GetBytes(300);
        secondServer.Write(secondData);
        firstServer.Write(RandomNumberGenerator.GetBytes(200));
        Wait.Until(() => rig.Traffic.Contains("+CADATAIND: 0", StringComparison.Ordinal) && rig.Traffic.Contains("+CADATAIND: 1", StringComparison.Ordinal), "both data indications");

        // Ten bytes of the first socket's block are lost; the second socket's read comes straight after.
        rig.Simulator.Faults.DropOutput(10, skip: 40);
        var buffer = new byte[1460];
        Assert.Equal(190, first.Receive(buffer, 0, buffer.Length, 2000));
        Assert.Equal(secondData, TlsSocketTests.ReceiveExactly(second, secondData.Length));
        first.Close();
        second.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void UrcInTheMiddleOfAResponseReachesItsHandlerAndTheAnswerStaysRight()
    {
        using var world = new TlsWorld();
        using var rig = TlsSocketTests.Connected(world, out ISecureSocket socket, out _);
        using var closed = new ManualResetEventSlim();
        socket.Closed += (_, _) => closed.Set();

        rig.Simulator.Faults.InjectUrcInNextResponse("+CASTATE: 0,0");
        SignalQuality signal = rig.Modem.ReadSignalQuality();
        Assert.Equal(20, signal.Rssi);
        Assert.Equal(99, signal.BitErrorRate);
        Assert.Contains(@"\r\n+CSQ: 20,99\r\n\r\n+CASTATE: 0,0\r\n\r\nOK\r\n", string.Concat(rig.Simulator.Traffic.Entries.Select(e => e.Text)), StringComparison.Ordinal);
        Assert.True(closed.Wait(5000, TestContext.Current.CancellationToken), "The socket's Closed event.");
        Assert.True(socket.IsClosed);
        socket.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void UrcWithTheCommandsOwnPrefixIsNotTakenForItsAnswer()
    {
        // The network keeps searching, so only the URC can say "roaming"; it arrives inside AT+CEREG?'s answer.
        using var rig = new ModemRig(Fast.Simulator() with { RegistrationScript = [new(2, 0)] });
        rig.Modem.PowerOn();
        rig.Simulator.Faults.InjectUrcInNextResponse("+CEREG: 5");
        Assert.Equal(RegistrationState.Roaming, rig.Modem.WaitForRegistration());
        Assert.Contains(@"\r\n+CEREG: 1,2\r\n\r\n+CEREG: 5\r\n\r\nOK\r\n", string.Concat(rig.Simulator.Traffic.Entries.Select(e => e.Text)), StringComparison.Ordinal);
        Assert.Contains("info: registered (URC): +CEREG status 5", rig.Log.Lines);
        Assert.Equal(RegistrationState.Searching, rig.Modem.ReadRegistration());
        rig.AssertSimulatorHealthy();
    }
}
