// Declaration-only contract of nanoFramework's System.IO.Ports, holding exactly the members the Board
// layer uses, with the real signatures. Mirrors nanoframework/System.IO.Ports:
// System.IO.Ports/SerialPort.cs, Parity.cs and StopBits.cs.
namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) => throw null;

        public int ReadTimeout { get => throw null; set => throw null; }

        public int ReadBufferSize { get => throw null; set => throw null; }

        public int BytesToRead => throw null;

        public void Open() => throw null;

        public int Read(byte[] buffer, int offset, int count) => throw null;

        public void Write(byte[] buffer, int offset, int count) => throw null;

        public void Dispose() => throw null;
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }
}
