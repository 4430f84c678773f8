using System.IO.Ports;
using CellularIot.At;

namespace CellularIot.Host;

/// <summary>
/// The modem's serial port on a PC (a USB-UART to a real SIM7080G, or a pty served by the modem simulator) as the
/// AT layer's byte link, through System.IO.Ports: 8N1, no handshake, read timeouts honoured.
/// </summary>
public sealed class SerialLink : IByteLink, IDisposable
{
    private readonly SerialPort port;

    /// <summary>Opens <paramref name="portName"/> (for example /dev/ttyUSB0, /dev/pts/5 or COM3) at <paramref name="baudRate"/>.</summary>
    public SerialLink(string portName, int baudRate = 115200)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadBufferSize = 64 * 1024,
            WriteTimeout = 5000,
        };
        port.Open();
    }

    /// <summary>The port's name.</summary>
    public string PortName => port.PortName;

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count == 0)
        {
            return 0;
        }

        if (port.BytesToRead == 0)
        {
            if (timeoutMs <= 0)
            {
                return 0;
            }

            port.ReadTimeout = timeoutMs;
        }

        try
        {
            return port.Read(buffer, offset, count);
        }
        catch (TimeoutException)
        {
            return 0;
        }
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        port.Write(buffer, offset, count);
    }

    /// <inheritdoc/>
    public void Dispose() => port.Dispose();
}
