// Declaration-only contract of nanoFramework's System.Device.I2c (the 1.x line, whose buffers are
// SpanByte), holding exactly the members the Board layer uses. Mirrors nanoframework/System.Device.I2c:
// System.Device.I2c/I2cDevice.cs, I2cConnectionSettings.cs, I2cTransferResult.cs and I2cTransferStatus.cs.
namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) => throw null;

        public static I2cDevice Create(I2cConnectionSettings settings) => throw null;

        public I2cTransferResult Write(SpanByte buffer) => throw null;

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) => throw null;

        public void Dispose() => throw null;
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) => throw null;
    }

    public struct I2cTransferResult
    {
        public I2cTransferStatus Status => throw null;
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }
}
