namespace CellularIot.Cloud
{
    /// <summary>A message from the cloud, valid only during the callback that hands it over.</summary>
    public interface ICloudMessage
    {
        /// <summary>The buffer that holds the payload.</summary>
        byte[] Buffer { get; }

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        int PayloadOffset { get; }

        /// <summary>The payload's length.</summary>
        int PayloadLength { get; }

        /// <summary>The topic (allocates).</summary>
        string GetTopic();
    }
}
