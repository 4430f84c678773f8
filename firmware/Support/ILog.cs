namespace CellularIot.Support
{
    /// <summary>
    /// Where the firmware reports progress and trouble: the debug console on the board, the PC runner's
    /// progress log on a PC. Callers never pass credentials whole (see <see cref="Redact"/>).
    /// </summary>
    public interface ILog
    {
        /// <summary>A step that went as planned (modem up, connected, published).</summary>
        void Info(string message);

        /// <summary>Something went wrong and is being recovered.</summary>
        void Warn(string message);
    }
}
