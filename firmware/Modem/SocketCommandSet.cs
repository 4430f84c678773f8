namespace CellularIot.Modem
{
    using CellularIot.At;

    /// <summary>
    /// How one modem family sends, reads and closes a secure socket with AT commands, for <see cref="ModemSocket"/>:
    /// the three commands (each followed by the socket's id), the answer that announces a read's bytes and where they
    /// sit, the lines that end a send, and the module's sizes and times.
    /// </summary>
    internal sealed class SocketCommandSet
    {
        /// <summary>The commands as <paramref name="send"/>, <paramref name="receive"/> and <paramref name="close"/> name them; the rest as the properties say.</summary>
        public SocketCommandSet(string send, string sendSuccessLine, string sendFailureLine, string receive, string receiveAnswer, AtRawRead receiveBlock, string close)
        {
            Send = send;
            SendSuccessLine = sendSuccessLine;
            SendFailureLine = sendFailureLine;
            Receive = receive;
            ReceiveAnswer = receiveAnswer;
            ReceiveBlock = receiveBlock;
            Close = close;
        }

        /// <summary>The send command up to its id, as "AT+CASEND="; the id, a comma and the length follow, then the prompt.</summary>
        public string Send { get; private set; }

        /// <summary>A line other than OK that ends a send successfully ("SEND OK"), or null.</summary>
        public string SendSuccessLine { get; private set; }

        /// <summary>A line other than ERROR that ends a send as a failure ("SEND FAIL"), or null.</summary>
        public string SendFailureLine { get; private set; }

        /// <summary>The read command up to its id, as "AT+CARECV="; the id, a comma and the most bytes wanted follow.</summary>
        public string Receive { get; private set; }

        /// <summary>The read's answer line, as "+CARECV: ", which gives the number of bytes.</summary>
        public string ReceiveAnswer { get; private set; }

        /// <summary>Where the read's bytes sit: inline after the count, or after the answer line.</summary>
        public AtRawRead ReceiveBlock { get; private set; }

        /// <summary>The close command up to its id, as "AT+CACLOSE=".</summary>
        public string Close { get; private set; }

        /// <summary>Sets the module's sizes and times; returns this set.</summary>
        public SocketCommandSet Limits(int maxSendChunk, int maxReceiveChunk, int sendTimeoutMs, int receiveTimeoutMs, int closeTimeoutMs)
        {
            MaxSendChunk = maxSendChunk;
            MaxReceiveChunk = maxReceiveChunk;
            SendTimeoutMs = sendTimeoutMs;
            ReceiveTimeoutMs = receiveTimeoutMs;
            CloseTimeoutMs = closeTimeoutMs;
            return this;
        }

        /// <summary>
        /// Sets what differs between firmware versions of the family; returns this set. <paramref name="receiveNamesId"/>:
        /// a read's answer may name the id before the length (+CARECV: &lt;cid&gt;,&lt;len&gt;,...).
        /// <paramref name="sendFinalQuietMs"/>: a quiet time after a send's bytes that counts as its OK, which some
        /// firmware leaves out; 0 when the module always answers.
        /// </summary>
        public SocketCommandSet Variants(bool receiveNamesId, int sendFinalQuietMs)
        {
            ReceiveNamesId = receiveNamesId;
            SendFinalQuietMs = sendFinalQuietMs;
            return this;
        }

        /// <summary>Whether a read's answer may name the id before the length.</summary>
        public bool ReceiveNamesId { get; private set; }

        /// <summary>Quiet time after a send's bytes that counts as its final result; 0 waits for the result.</summary>
        public int SendFinalQuietMs { get; private set; }

        /// <summary>Most bytes one send carries.</summary>
        public int MaxSendChunk { get; private set; }

        /// <summary>Largest read request.</summary>
        public int MaxReceiveChunk { get; private set; }

        /// <summary>Timeout of one send exchange (prompt, bytes, result).</summary>
        public int SendTimeoutMs { get; private set; }

        /// <summary>Timeout of one read exchange.</summary>
        public int ReceiveTimeoutMs { get; private set; }

        /// <summary>Timeout of the close command.</summary>
        public int CloseTimeoutMs { get; private set; }
    }
}
