using System.Text;
using CellularIot.Esp32Model;
using Xunit;
using Esp32SerialPort = System.IO.Ports.SerialPort;

namespace CellularIot.Board.Tests;

/// <summary>Board's serial link over the model of nanoFramework's ESP32 SerialPort.</summary>
public sealed class SerialPortLinkTests
{
    [Fact]
    public void AShortAnswerArrivesWholeThoughTheCallerOffersABigBuffer()
    {
        using var line = Line.Open();
        line.Uart.Deliver("\r\nOK\r\n");

        byte[] buffer = new byte[256];
        int read = line.Link.Read(buffer, 0, buffer.Length, 500);

        Assert.Equal("\r\nOK\r\n", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public void TheDriverItselfWaitsForTheWholeCountThatIsWhyTheLinkNeverAsksForIt()
    {
        // What a link that passed its whole buffer size would meet on the board: a TimeoutException with the
        // answer still sitting in the buffer.
        var uart = Esp32Uart.Install("COM-raw-" + Guid.NewGuid());
        using var port = new Esp32SerialPort(uart.PortName, 115200);
        port.Open();
        port.ReadTimeout = 50;
        uart.Deliver("\r\nOK\r\n");

        Assert.Throws<TimeoutException>(() => port.Read(new byte[256], 0, 256));
        Assert.Equal(6, port.BytesToRead);
    }

    [Fact]
    public void SilenceReturnsNothingAfterTheTimeoutAndAPollDoesNotWait()
    {
        using var line = Line.Open();
        byte[] buffer = new byte[64];

        Assert.Equal(0, line.Link.Read(buffer, 0, buffer.Length, 30));
        Assert.Equal(0, line.Link.Read(buffer, 0, buffer.Length, 0));
    }

    [Fact]
    public void BytesThatArriveDuringTheWaitEndIt()
    {
        using var line = Line.Open();
        byte[] buffer = new byte[64];
        using var later = new Timer(_ => line.Uart.Deliver("+CADATAIND: 0\r\n"), null, 50, Timeout.Infinite);

        int read = line.Link.Read(buffer, 0, buffer.Length, 5000);

        Assert.InRange(read, 1, 15);
        int rest = read < 15 ? line.Link.Read(buffer, read, buffer.Length - read, 1000) : 0;
        Assert.Equal("+CADATAIND: 0\r\n", Encoding.ASCII.GetString(buffer, 0, read + rest));
    }

    [Fact]
    public void AFullSizeReceiveWithItsUrcsFitsTheReceiveBuffer()
    {
        using var line = Line.Open();
        byte[] answer = Encoding.ASCII.GetBytes("\r\n+CARECV: 0,512," + new string('x', 512) + "\r\nOK\r\n\r\n+CADATAIND: 0\r\n\r\n+CASTATE: 0,0\r\n");
        line.Uart.Deliver(answer, 0, answer.Length);

        byte[] buffer = new byte[4096];
        int read = line.Link.Read(buffer, 0, buffer.Length, 500);

        Assert.Equal(answer.Length, read);
        Assert.Equal(0, line.Uart.Dropped);
        Assert.Equal(SerialPortLink.ReceiveBufferBytes, line.Uart.ReceiveBufferBytes);
    }

    [Fact]
    public void APortLeftAtTheDriversDefaultBufferDropsWhatDoesNotFitWithoutAWord()
    {
        var uart = Esp32Uart.Install("COM-default-" + Guid.NewGuid());
        using var port = new Esp32SerialPort(uart.PortName, 115200);
        port.Open();
        uart.Deliver(new byte[600], 0, 600);

        Assert.Equal(Esp32Uart.DefaultReceiveBufferBytes, port.BytesToRead);
        Assert.Equal(600 - Esp32Uart.DefaultReceiveBufferBytes, uart.Dropped);
    }

    [Fact]
    public void TheDriverRefusesTheSettingsTheLinkMustGetRight()
    {
        var uart = Esp32Uart.Install("COM-rules-" + Guid.NewGuid());
        using var port = new Esp32SerialPort(uart.PortName, 115200);

        Assert.Throws<ArgumentOutOfRangeException>(() => port.ReadTimeout = 0);
        port.Open();
        Assert.Throws<InvalidOperationException>(() => port.ReadBufferSize = 4096);
        Assert.Throws<ArgumentException>(() => new Esp32SerialPort(uart.PortName, 115200));
    }

    [Fact]
    public void WritesReachTheFarSideInOrder()
    {
        using var line = Line.Open();
        var seen = new List<byte>();
        line.Uart.Transmitted += (_, e) => seen.AddRange(e.Bytes);

        line.Link.Write(Encoding.ASCII.GetBytes("xxAT\r"), 2, 3);
        line.Link.Write(Encoding.ASCII.GetBytes("AT+CCID\r"), 0, 8);

        Assert.Equal("AT\rAT+CCID\r", Encoding.ASCII.GetString(seen.ToArray()));
    }

    private sealed class Line : IDisposable
    {
        private Line(Esp32Uart uart, SerialPortLink link)
        {
            Uart = uart;
            Link = link;
        }

        public Esp32Uart Uart { get; }

        public SerialPortLink Link { get; }

        public static Line Open()
        {
            var uart = Esp32Uart.Install("COM-" + Guid.NewGuid());
            return new Line(uart, new SerialPortLink(uart.PortName, 115200));
        }

        public void Dispose() => Link.Dispose();
    }
}
