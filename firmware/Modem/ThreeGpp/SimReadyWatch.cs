namespace CellularIot.Modem.ThreeGpp
{
    using System;
    using System.Threading;
    using CellularIot.At;

    /// <summary>
    /// The SIM state a module reports by itself while it boots: SIMCom and Quectel modules print <c>+CPIN: READY</c>
    /// once the SIM is ready after power-on (BG95/BG96: after <c>RDY</c>, before <c>APP RDY</c>), and may print
    /// <c>+CPIN: NOT READY</c> while the SIM initialises. A driver that switched the module on waits for the report
    /// instead of asking AT+CPIN?; another state, or none in time, is left to AT+CPIN?, which also says what is wrong.
    /// </summary>
    internal sealed class SimReadyWatch : IDisposable
    {
        private const string Urc = "+CPIN: ";

        private readonly AtChannel channel;
        private readonly ManualResetEvent reported = new ManualResetEvent(false);
        private readonly object sync = new object();
        private bool ready;

        public SimReadyWatch(AtChannel channel)
        {
            this.channel = channel;
            channel.Register(Urc, OnUrc);
        }

        /// <summary>Forgets what an earlier boot reported; called before whatever boots the module.</summary>
        public void Expect()
        {
            lock (sync)
            {
                ready = false;
            }

            reported.Reset();
        }

        /// <summary>
        /// True when the SIM reported itself ready since <see cref="Expect"/> or does so within <paramref name="timeoutMs"/>;
        /// false at once when it reported another state (no SIM, a PIN wanted), false after the wait without a report.
        /// </summary>
        public bool WaitForReady(int timeoutMs)
        {
            reported.WaitOne(timeoutMs, false);
            lock (sync)
            {
                return ready;
            }
        }

        /// <summary>Stops listening to +CPIN.</summary>
        public void Dispose()
        {
            channel.Unregister(Urc);
        }

        private void OnUrc(AtLine line)
        {
            // "NOT READY" comes by itself while the SIM initialises and is not an answer: the wait goes on for the
            // state that follows. Any other state (no SIM, a PIN wanted) ends the wait, and AT+CPIN? says what it is.
            string state = line.GetField(0);
            if (state == "NOT READY")
            {
                return;
            }

            lock (sync)
            {
                ready = state == "READY";
            }

            reported.Set();
        }
    }
}
