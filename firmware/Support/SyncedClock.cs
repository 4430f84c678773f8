namespace CellularIot.Support
{
    using System;

    /// <summary>
    /// A clock whose wall time is set from the network. A board's RTC starts at some default after power-up,
    /// and JWT expiry and TLS certificate checks need real time: once the modem reports network time, this
    /// clock holds the offset, measured against monotonic time so it never drifts with the RTC.
    /// </summary>
    public class SyncedClock : IClock
    {
        private readonly IClock source;
        private readonly object gate = new object();
        private bool synced;
        private DateTime utcAtSync;
        private long monotonicAtSync;

        /// <summary>Wraps <paramref name="source"/>; until <see cref="Set"/> its UTC is the source's.</summary>
        public SyncedClock(IClock source)
        {
            this.source = source;
        }

        /// <summary>True once network time has been set.</summary>
        public bool IsSynced
        {
            get
            {
                lock (gate)
                {
                    return synced;
                }
            }
        }

        /// <inheritdoc/>
        public long MonotonicMs
        {
            get { return source.MonotonicMs; }
        }

        /// <inheritdoc/>
        public DateTime UtcNow
        {
            get
            {
                lock (gate)
                {
                    return synced ? utcAtSync.AddMilliseconds(source.MonotonicMs - monotonicAtSync) : source.UtcNow;
                }
            }
        }

        /// <summary>Takes <paramref name="utcNow"/> as the current UTC time.</summary>
        public void Set(DateTime utcNow)
        {
            lock (gate)
            {
                utcAtSync = utcNow;
                monotonicAtSync = source.MonotonicMs;
                synced = true;
            }
        }
    }
}
