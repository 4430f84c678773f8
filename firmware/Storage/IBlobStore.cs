namespace CellularIot.Storage
{
    /// <summary>
    /// Small named blobs in persistent storage: files on the board's internal flash (I:\), files in a folder
    /// on a PC. A write need not be atomic (a power cut may leave a blob truncated or half-written):
    /// <see cref="TokenStore"/> makes its own writes atomic on top.
    /// </summary>
    public interface IBlobStore
    {
        /// <summary>
        /// The contents of <paramref name="name"/>, or null when it does not exist or is larger than
        /// <paramref name="maxBytes"/> (nothing that large is ever read into memory).
        /// </summary>
        /// <exception cref="System.IO.IOException">The storage failed.</exception>
        byte[] Read(string name, int maxBytes);

        /// <summary>Replaces the contents of <paramref name="name"/>, creating it if needed.</summary>
        /// <exception cref="System.IO.IOException">The storage failed.</exception>
        void Write(string name, byte[] data);
    }
}
