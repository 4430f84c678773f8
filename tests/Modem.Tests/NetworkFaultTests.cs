using System.Diagnostics;
using CellularIot.At;
using CellularIot.Modem.Sim7080;
using CellularIot.Modem.Tests.Support;
using Xunit;

namespace CellularIot.Modem.Tests;

/// <summary>Refusals from the module and the network: typed errors, closed sockets, and the way back.</summary>
public sealed class NetworkFaultTests
{
    [Fact]
    public void CmeErrorForAChosenCommandIsTypedWithItsText()
    {
        using var rig = new ModemRig();
        rig.Modem.PowerOn();
        rig.Modem.WaitForRegistration();
        rig.Simulator.Faults.FailCommand("+CNACT=0,1", 30);
        ModemException error = Assert.ThrowsAny<ModemException>(() => rig.Modem.ActivateData(Fast.Apn));
        AtCommandException cause = Assert.IsType<AtCommandException>(error.InnerException);
        Assert.Equal(AtOutcome.CmeError, cause.Outcome);
        Assert.Equal("no network service", cause.ErrorText);
        Assert.Equal("AT+CNACT=0,1", cause.CommandText);
        Assert.Contains("+CME ERROR: no network service", error.Message, StringComparison.Ordinal);
        Assert.False(rig.Simulator.PdpActive);

        rig.Modem.ActivateData(Fast.Apn);
        Assert.True(rig.Simulator.PdpActive);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void ActivatingDataBeforeRegistrationIsRefused()
    {
        using var rig = new ModemRig(Fast.Simulator() with { RegistrationScript = [new(2, 0)] });
        rig.Modem.PowerOn();
        ModemException error = Assert.ThrowsAny<ModemException>(() => rig.Modem.ActivateData(Fast.Apn));
        Assert.Contains("+APP PDP: 0,DEACTIVE", error.Message, StringComparison.Ordinal);
        Assert.False(rig.Simulator.PdpActive);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void OpeningWithoutADataContextOrToAnUnknownHostIsTyped()
    {
        using var world = new TlsWorld();
        using var rig = new ModemRig(world.Map(Fast.Simulator()));
        rig.Modem.PowerOn();
        rig.Modem.WaitForRegistration();
        rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, world.CaPem);
        SocketOpenException offline = Assert.Throws<SocketOpenException>(() => rig.Modem.OpenSecureSocket(TlsWorld.Endpoint()));
        Assert.Equal(SocketOpenError.NetworkNotActive, offline.Error);

        rig.Modem.ActivateData(Fast.Apn);
        SocketOpenException unknown = Assert.Throws<SocketOpenException>(() => rig.Modem.OpenSecureSocket(new SecureSocketOptions("nowhere.test", 443, TlsWorld.CaFile)));
        Assert.Equal(SocketOpenError.CannotResolveHost, unknown.Error);
        Assert.Equal(20, unknown.ResultCode);

        ISecureSocket socket = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
        Assert.Equal(0, socket.Id);
        socket.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void DeniedRegistrationFailsWithinTheAttachTimeout()
    {
        Sim7080Settings settings = Fast.Driver();
        settings.AttachTimeoutMs = 1000;
        using var rig = new ModemRig(settings: settings);
        rig.Modem.PowerOn();
        rig.Simulator.Faults.SetRegistrationDenied(true);
        var elapsed = Stopwatch.StartNew();
        RegistrationException error = Assert.Throws<RegistrationException>(() => rig.Modem.WaitForRegistration());
        Assert.InRange(elapsed.ElapsedMilliseconds, 900, 1000 + 1500);
        Assert.Equal(RegistrationState.Denied, error.LastState);
        Assert.Contains("denied", error.Message, StringComparison.Ordinal);

        rig.Simulator.Faults.SetRegistrationDenied(false);
        Assert.Equal(RegistrationState.Roaming, rig.Modem.WaitForRegistration());
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void AMissingSimIsAClearError()
    {
        using var rig = new ModemRig();
        rig.Simulator.Faults.SetSimMissing(true);
        ModemException error = Assert.ThrowsAny<ModemException>(() => rig.Modem.PowerOn());
        Assert.Contains("SIM not inserted", error.Message, StringComparison.Ordinal);
        Assert.Equal(SimState.NotInserted, rig.Modem.ReadSimState());
        Assert.Null(rig.Modem.Identity);

        rig.Simulator.Faults.SetSimMissing(false);
        rig.Modem.PowerOn();
        Assert.Equal(rig.Options.Iccid, rig.Modem.Identity!.Iccid);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void DeactivatedPdpClosesTheSocketAndDataComesBack()
    {
        using var world = new TlsWorld();
        using var rig = TlsSocketTests.Connected(world, out ISecureSocket socket, out ServerConnection server);
        using var closed = new ManualResetEventSlim();
        socket.Closed += (_, _) => closed.Set();

        rig.Simulator.Faults.DeactivatePdp();
        Assert.True(closed.Wait(5000, TestContext.Current.CancellationToken), "The socket's Closed event.");
        Assert.True(socket.IsClosed);
        var buffer = new byte[16];
        Assert.Throws<SocketClosedException>(() => socket.Receive(buffer, 0, buffer.Length, 100));
        Assert.Throws<SocketClosedException>(() => socket.Send(buffer, 0, 1));
        Assert.True(server.WaitEnded(5000));
        socket.Close();

        rig.Modem.ActivateData(Fast.Apn);
        Assert.True(rig.Simulator.PdpActive);
        ISecureSocket again = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
        world.Server.NextConnection().Write("back"u8.ToArray());
        Assert.Equal("back"u8.ToArray(), TlsSocketTests.ReceiveExactly(again, 4));
        again.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void PeerCloseClosesTheSocketAndRaisesClosed()
    {
        using var world = new TlsWorld();
        using var rig = TlsSocketTests.Connected(world, out ISecureSocket socket, out ServerConnection server);
        using var closed = new ManualResetEventSlim();
        socket.Closed += (_, _) => closed.Set();

        Assert.True(rig.Simulator.Faults.ClosePeer(0));
        Assert.True(closed.Wait(5000, TestContext.Current.CancellationToken), "The socket's Closed event.");
        Assert.True(socket.IsClosed);
        Assert.True(server.WaitEnded(5000));
        var buffer = new byte[16];
        Assert.Throws<SocketClosedException>(() => socket.Receive(buffer, 0, buffer.Length, 100));
        socket.Close();
        Assert.Null(rig.Simulator.CurrentSocket(0));
        rig.AssertSimulatorHealthy();
    }
}
