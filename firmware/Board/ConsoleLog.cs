namespace CellularIot.Board
{
    using System;
    using CellularIot.Support;

    /// <summary>Progress and trouble on the device's debug console (what Visual Studio's output window shows).</summary>
    public sealed class ConsoleLog : ILog
    {
        /// <inheritdoc/>
        public void Info(string message)
        {
            Console.WriteLine(message);
        }

        /// <inheritdoc/>
        public void Warn(string message)
        {
            Console.WriteLine("WARN " + message);
        }
    }
}
