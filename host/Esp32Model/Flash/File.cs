namespace System.IO
{
    using CellularIot.Esp32Model;

    /// <summary>nanoFramework's File on the model flash drive (only what the Board layer calls).</summary>
    internal static class File
    {
        /// <summary>Whether the file exists.</summary>
        public static bool Exists(string path) => Esp32Flash.Exists(path);
    }
}
