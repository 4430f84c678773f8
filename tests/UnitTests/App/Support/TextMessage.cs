namespace CellularIot.Tests.App.Support
{
    using CellularIot.Bytes;
    using CellularIot.Cloud;

    /// <summary>A message from the cloud built from text.</summary>
    public sealed class TextMessage : ICloudMessage
    {
        private readonly string topic;

        public TextMessage(string topic, string payload)
        {
            this.topic = topic;
            byte[] bytes = Utf8.GetBytes(payload);

            // The payload sits after some other bytes, as it does in a client's receive buffer.
            Buffer = new byte[bytes.Length + 3];
            System.Array.Copy(bytes, 0, Buffer, 3, bytes.Length);
            PayloadOffset = 3;
            PayloadLength = bytes.Length;
        }

        public byte[] Buffer { get; private set; }

        public int PayloadOffset { get; private set; }

        public int PayloadLength { get; private set; }

        public string GetTopic()
        {
            return topic;
        }
    }
}
