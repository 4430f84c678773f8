namespace CellularIot.Modem.ThreeGpp
{
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// Waits out a SIM that is still being read. In the first seconds after a boot modules answer AT+CPIN? with
    /// <c>+CPIN: NOT READY</c> and SIM queries (AT+CPIN?, AT+CCID) with <c>+CME ERROR: SIM busy</c> (14): both are
    /// transient, so the query is repeated every poll period up to a bounded wait, and only a state that persists
    /// or a real SIM error (not inserted, PIN, PUK, failure) is reported. The module's own report of the SIM
    /// (<see cref="SimReadyWatch"/>: <c>+CPIN: READY</c>) ends a pause at once, and a ready SIM it reported is not
    /// asked about again.
    /// </summary>
    internal sealed class SimReadiness
    {
        private readonly ThreeGppQueries queries;
        private readonly SimReadyWatch watch;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly int timeoutMs;
        private readonly int pollMs;

        // Whether the last pause ended with the module reporting the SIM ready.
        private bool reportedReady;

        public SimReadiness(ThreeGppQueries queries, SimReadyWatch watch, IClock clock, ILog log, int timeoutMs, int pollMs)
        {
            this.queries = queries;
            this.watch = watch;
            this.clock = clock;
            this.log = log;
            this.timeoutMs = timeoutMs;
            this.pollMs = pollMs;
        }

        /// <summary>The SIM's state once it is no longer <see cref="SimState.NotReady"/>, or NotReady when the wait ran out.</summary>
        public SimState WaitUntilReady()
        {
            long deadline = clock.MonotonicMs + timeoutMs;
            int waits = 0;
            while (true)
            {
                SimState state = queries.ReadSimState();
                if (state != SimState.NotReady || !PauseBefore(deadline, "AT+CPIN?", ref waits))
                {
                    return state;
                }

                if (reportedReady)
                {
                    return SimState.Ready;
                }
            }
        }

        /// <summary>The bare answer of <paramref name="text"/> (ICCID, ...), asked again while the SIM is busy.</summary>
        /// <exception cref="ModemException">It failed otherwise, stayed busy, or gave no line of <paramref name="shape"/>.</exception>
        public string ReadBareLine(string text, AtBareShape shape)
        {
            long deadline = clock.MonotonicMs + timeoutMs;
            int waits = 0;
            while (true)
            {
                AtCommand command = queries.QueryBareLine(text, shape);
                bool busy = command.Response.Outcome == AtOutcome.CmeError
                    && ThreeGppQueries.SimStateOfError(command.Response) == SimState.NotReady;
                if (!busy || !PauseBefore(deadline, text, ref waits))
                {
                    return ThreeGppQueries.BareLineOf(command);
                }
            }
        }

        private bool PauseBefore(long deadline, string what, ref int waits)
        {
            long remaining = deadline - clock.MonotonicMs;
            if (remaining <= 0)
            {
                return false;
            }

            if (waits++ == 0)
            {
                log.Info("SIM not ready yet (" + what + "): asking again for up to " + timeoutMs + " ms");
            }

            // Reports from now on: one that came before this pause answered nothing the query had not.
            int pause = (int)(remaining < pollMs ? remaining : pollMs);
            long start = clock.MonotonicMs;
            watch.Expect();
            reportedReady = watch.WaitForReady(pause);
            long left = pause - (clock.MonotonicMs - start);
            if (!reportedReady && left > 0)
            {
                // Another state reported (no SIM, a PIN wanted) ends the wait early; the query says which, a pause later.
                Thread.Sleep((int)left);
            }

            return true;
        }
    }
}
