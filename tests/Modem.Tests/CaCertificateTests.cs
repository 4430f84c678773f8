using System.Text;
using CellularIot.Modem.Tests.Support;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Modem.Tests;

/// <summary>The CA file through the module's file system (AT+CFS*): written only when it differs, then converted.</summary>
public sealed class CaCertificateTests
{
    [Fact]
    public void TheCaIsWrittenOnceAndAgainOnlyWhenItChanges()
    {
        using var world = new TlsWorld();
        using var rig = new ModemRig(world.Map(Fast.Simulator()));
        rig.Modem.PowerOn();
        byte[] pem = world.CaPem;

        Assert.True(rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, pem));
        Assert.Equal(1, rig.Simulator.Files.WriteCount);
        Assert.Equal(pem, rig.Simulator.Files.ReadFile(TlsWorld.CaFile));
        Assert.True(rig.Simulator.Files.IsConverted(TlsWorld.CaFile));

        // The same CA again while the module has not restarted: not a command.
        int commands = rig.Simulator.CommandCount;
        Assert.False(rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, pem));
        Assert.Equal(1, rig.Simulator.Files.WriteCount);
        Assert.Equal(commands, rig.Simulator.CommandCount);

        // Same size, other bytes (a different comment before the certificate): only reading the file back tells.
        byte[] first = [.. "# one\n"u8, .. pem];
        byte[] second = [.. "# two\n"u8, .. pem];
        Assert.True(rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, first));
        Assert.Equal(2, rig.Simulator.Files.WriteCount);
        Assert.True(rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, second));
        Assert.Equal(3, rig.Simulator.Files.WriteCount);
        Assert.True(rig.Sent("AT+CFSRFILE=3,\"ca.pem\",0," + second.Length + ",0"), "Equal sizes: the content was compared.");
        Assert.Equal(second, rig.Simulator.Files.ReadFile(TlsWorld.CaFile));

        // Another CA altogether.
        using var other = TestPki.CreateCa("Other Root CA", Fast.NetworkTime.AddYears(-1), Fast.NetworkTime.AddYears(1));
        byte[] otherPem = Encoding.ASCII.GetBytes(other.ExportCertificatePem());
        Assert.True(rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, otherPem));
        Assert.Equal(4, rig.Simulator.Files.WriteCount);
        Assert.False(rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, otherPem));
        Assert.Equal(4, rig.Simulator.Files.WriteCount);
        Assert.Equal(otherPem, rig.Simulator.Files.ReadFile(TlsWorld.CaFile));
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void AFileThatIsNotPemIsRefusedAtConversion()
    {
        using var rig = new ModemRig();
        rig.Modem.PowerOn();
        ModemException error = Assert.ThrowsAny<ModemException>(() => rig.Modem.EnsureCaCertificate("junk.pem", "not a certificate"u8.ToArray()));
        Assert.Contains("convert", error.Message, StringComparison.Ordinal);
        Assert.False(rig.Simulator.Files.IsConverted("junk.pem"));
        rig.AssertSimulatorHealthy();
    }
}
