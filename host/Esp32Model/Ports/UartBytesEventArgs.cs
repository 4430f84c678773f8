namespace CellularIot.Esp32Model
{
    using System;

    /// <summary>A block of bytes the firmware wrote to a model UART.</summary>
    public sealed class UartBytesEventArgs : EventArgs
    {
        /// <summary>Wraps <paramref name="bytes"/>, a copy the handler may keep.</summary>
        public UartBytesEventArgs(byte[] bytes)
        {
            Bytes = bytes;
        }

        /// <summary>The bytes, in the order written.</summary>
        public byte[] Bytes { get; }
    }
}
