namespace CellularIot.At
{
    /// <summary>Sizes and times of an <see cref="AtChannel"/>; the defaults suit a SIM7080G at 115200 baud.</summary>
    public sealed class AtChannelSettings
    {
        /// <summary>Longest line kept (longer ones are dropped and counted). Raw blocks do not count against it.</summary>
        public int LineCapacity { get; set; } = 256;

        /// <summary>URCs that may wait for their handlers before new ones are dropped.</summary>
        public int UrcQueueDepth { get; set; } = 8;

        /// <summary>Bytes the reader takes from the link at a time.</summary>
        public int ReadChunk { get; set; } = 256;

        /// <summary>How long the reader and the dispatcher wait before looking whether the channel is stopping.</summary>
        public int PollMs { get; set; } = 100;

        /// <summary>
        /// Quiet time after which a raw block the module announced longer than it delivered ends at the answer's
        /// OK inside it (see <see cref="AtReceiver.TryEndShortBlock"/>).
        /// </summary>
        public int ShortBlockQuietMs { get; set; } = 300;

        /// <summary>
        /// Quiet time after a final result before the next command is written. None by default: the channel writes a
        /// command only once the previous one's final result arrived, and a fixed pause before every command added
        /// up to a second of each bring-up. A module that drops characters sent right after a result sets one.
        /// </summary>
        public int GuardTimeMs { get; set; }
    }
}
