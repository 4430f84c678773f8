namespace CellularIot.Modem.ThreeGpp
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// Waits for network registration the 3GPP way: the +CEREG URC (enabled with AT+CEREG=1) ends the wait as
    /// soon as the network reports it, and an AT+CEREG? poll covers a URC that never comes.
    /// </summary>
    internal sealed class RegistrationWatch : IDisposable
    {
        private const string Urc = "+CEREG: ";

        private readonly AtChannel channel;
        private readonly ThreeGppQueries queries;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly object sync = new object();
        private readonly AutoResetEvent changed = new AutoResetEvent(false);
        private int statusFromUrc = -1;

        public RegistrationWatch(AtChannel channel, ThreeGppQueries queries, IClock clock, ILog log)
        {
            this.channel = channel;
            this.queries = queries;
            this.clock = clock;
            this.log = log;
            channel.Register(Urc, OnRegistration);
        }

        /// <summary>
        /// The registered state, or a <see cref="RegistrationException"/> after <paramref name="timeoutMs"/>. With
        /// <paramref name="askFirst"/> false (AT+CEREG=1 was sent before the network could have registered the module)
        /// the URC is waited for and the module is asked only when <paramref name="pollMs"/> passes without one.
        /// </summary>
        public RegistrationState WaitForRegistration(int timeoutMs, int pollMs, bool askFirst)
        {
            long deadline = clock.MonotonicMs + timeoutMs;
            bool ask = askFirst;
            while (true)
            {
                RegistrationState state;
                lock (sync)
                {
                    state = Registration.FromStatus(statusFromUrc);
                }

                if (Registration.IsRegistered(state))
                {
                    log.Info("registered (URC): +CEREG status " + (int)state);
                    return state;
                }

                if (ask)
                {
                    state = queries.ReadRegistration();
                    if (Registration.IsRegistered(state))
                    {
                        log.Info("registered: +CEREG status " + (int)state);
                        return state;
                    }
                }

                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    throw new RegistrationException(state, timeoutMs);
                }

                // A URC wakes the wait and is read above; only a quiet poll period asks the module.
                ask = !changed.WaitOne((int)(remaining < pollMs ? remaining : pollMs), false);
            }
        }

        /// <summary>The module restarted: what its URCs said before no longer holds.</summary>
        public void Forget()
        {
            lock (sync)
            {
                statusFromUrc = -1;
            }
        }

        /// <summary>Stops listening to the URC.</summary>
        public void Dispose()
        {
            channel.Unregister(Urc);
        }

        private void OnRegistration(AtLine line)
        {
            int status;
            if (line.TryGetInt(0, out status))
            {
                lock (sync)
                {
                    statusFromUrc = status;
                }

                changed.Set();
            }
        }
    }
}
