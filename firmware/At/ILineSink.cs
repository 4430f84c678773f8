namespace CellularIot.At
{
    /// <summary>What a <see cref="LineFramer"/> hands on: lines, prompts and raw blocks, in stream order.</summary>
    public interface ILineSink
    {
        /// <summary>
        /// A complete, non-empty line without its line end. <paramref name="line"/> is the framer's own buffer
        /// and is reused after the call returns. The sink may call <see cref="LineFramer.BeginRaw"/> from here.
        /// </summary>
        void OnLine(byte[] line, int count);

        /// <summary>
        /// The line so far starts with the armed inline-raw prefix and has just reached a comma. Returns how many
        /// raw bytes follow the comma, or -1 to carry on treating the bytes as a line, or (unless
        /// <paramref name="final"/>) <see cref="LineFramer.AwaitNextField"/> when one more number may follow before
        /// the length. <paramref name="final"/> is set when it did not: the header ends at its last comma.
        /// </summary>
        int OnInlineRawHeader(byte[] line, int count, bool final);

        /// <summary>A piece of a raw block; pieces arrive in order and add up to the announced length.</summary>
        void OnRaw(byte[] data, int offset, int count);

        /// <summary>The last byte of the raw block has been handed on.</summary>
        void OnRawEnd();

        /// <summary>The armed <c>&gt;</c> prompt arrived.</summary>
        void OnPrompt();
    }
}
