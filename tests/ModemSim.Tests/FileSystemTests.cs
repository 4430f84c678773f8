using System.Text;
using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed class FileSystemTests
{
    // Every byte value, CR and LF included: the data phase must be raw.
    private static readonly byte[] Binary = [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. "\r\nOK\r\n"u8];

    [Fact]
    public void WriteReadAndSizeWithDownloadPrompt()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Command($"AT+CFSWFILE=3,\"blob.bin\",0,{Binary.Length},5000", Dialect.Line("DOWNLOAD"));
        h.Port.Send(Binary);
        h.Port.Expect(Dialect.Ok);
        h.Command("AT+CFSGFIS=3,\"blob.bin\"", Dialect.Line($"+CFSGFIS: {Binary.Length}") + Dialect.Ok);
        h.Command($"AT+CFSRFILE=3,\"blob.bin\",0,{Binary.Length},0", Dialect.Line($"+CFSRFILE: {Binary.Length}") + Encoding.Latin1.GetString(Binary) + Dialect.Ok);
        h.Command("AT+CFSRFILE=3,\"blob.bin\",1,4,65", Dialect.Line("+CFSRFILE: 4") + "ABCD" + Dialect.Ok);
        h.Command("AT+CFSRFILE=3,\"blob.bin\",1,100,260", Dialect.Line("+CFSRFILE: 2") + "\r\n" + Dialect.Ok);
        h.Command("AT+CFSTERM", Dialect.Ok);
        Assert.Equal(Binary, h.Simulator.Files.ReadFile("blob.bin"));
        Assert.Equal(1, h.Simulator.Files.WriteCount);
    }

    [Fact]
    public void AppendAndDelete()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Command("AT+CFSWFILE=3,\"a.txt\",0,3,1000", Dialect.Line("DOWNLOAD"));
        h.Port.Send("abc");
        h.Port.Expect(Dialect.Ok);
        h.Command("AT+CFSWFILE=3,\"a.txt\",1,2,1000", Dialect.Line("DOWNLOAD"));
        h.Port.Send("de");
        h.Port.Expect(Dialect.Ok);
        h.Command("AT+CFSGFIS=3,\"a.txt\"", Dialect.Line("+CFSGFIS: 5") + Dialect.Ok);
        h.Command("AT+CFSDFILE=3,\"a.txt\"", Dialect.Ok);
        h.Command("AT+CFSGFIS=3,\"a.txt\"", Dialect.Line("+CME ERROR: not found"));
    }

    [Fact]
    public void MissingFileAndClosedFileSystemFail()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+CFSGFIS=3,\"ca.pem\"", Dialect.Line("+CME ERROR: operation not allowed"));
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Command("AT+CFSGFIS=3,\"ca.pem\"", Dialect.Line("+CME ERROR: not found"));
        h.Command("AT+CFSRFILE=3,\"ca.pem\",0,10,0", Dialect.Line("+CME ERROR: not found"));
        h.Command("AT+CFSGFIS=2,\"ca.pem\"", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CFSWFILE=3,\"big\",0,10241,1000", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CMEE=0", Dialect.Ok);
        h.Command("AT+CFSGFIS=3,\"ca.pem\"", Dialect.Error);
    }

    [Fact]
    public void WriteTimesOutWhenTooFewBytesCome()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Command("AT+CFSWFILE=3,\"short.bin\",0,10,100", Dialect.Line("DOWNLOAD"));
        h.Port.Send("12345");
        h.Port.Expect(Dialect.Error, 1000);
        Assert.Null(h.Simulator.Files.ReadFile("short.bin"));
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void FilesSurviveRebootAndPreloadingWorks()
    {
        using var h = new SimHarness();
        h.Simulator.Files.WriteFile("pre.pem", "xyz"u8);
        h.Start();
        h.UploadFile("kept.txt", "kept"u8.ToArray());
        h.Command("AT+CFUN=1,1", Dialect.Ok + Dialect.Boot);
        h.Echo = true;
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Command("AT+CFSGFIS=3,\"kept.txt\"", Dialect.Line("+CFSGFIS: 4") + Dialect.Ok);
        h.Command("AT+CFSGFIS=3,\"pre.pem\"", Dialect.Line("+CFSGFIS: 3") + Dialect.Ok);
        Assert.Equal(["kept.txt", "pre.pem"], h.Simulator.Files.FileNames);
    }
}
