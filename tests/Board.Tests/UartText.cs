using System.Text;
using CellularIot.Esp32Model;

namespace CellularIot.Board.Tests;

/// <summary>Text delivered to a model UART.</summary>
internal static class UartText
{
    public static void Deliver(this Esp32Uart uart, string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        uart.Deliver(bytes, 0, bytes.Length);
    }
}
