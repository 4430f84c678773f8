namespace CellularIot.App.Commands
{
    using CellularIot.Text;

    /// <summary>What remote commands may read and change on the device.</summary>
    public interface ICommandTarget
    {
        /// <summary>Seconds since start.</summary>
        long UptimeSeconds { get; }

        /// <summary>The telemetry interval in seconds; set by the set-interval command.</summary>
        int IntervalSeconds { get; set; }

        /// <summary>Adds the device's status properties to an open JSON object.</summary>
        void WriteStatus(JsonBuffer reply);
    }
}
