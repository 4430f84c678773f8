namespace CellularIot.Tests.At
{
    /// <summary>Something that takes bytes (a framer's or a receiver's Feed).</summary>
    public delegate void ByteFeed(byte[] data, int offset, int count);
}
