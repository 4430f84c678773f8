namespace CellularIot.Modem.ThreeGpp
{
    using System.Threading;
    using CellularIot.Support;

    /// <summary>
    /// Tells the boots the driver asked for from reboots the module did on its own. During a boot (power-on,
    /// reset, power cycle) RDY and SMS Ready only end the wait; afterwards either one means the module restarted,
    /// except the end of a boot already under way: the SMS Ready that trails the RDY of a boot already handled
    /// (it comes seconds later), and, after a bring-up that found the module answering before its boot was
    /// over, the first SMS Ready within the late-boot window. A reboot needs evidence of a new boot (RDY).
    /// </summary>
    internal sealed class BootWatch
    {
        private readonly object sync = new object();
        private readonly ManualResetEvent bootSeen;
        private readonly ManualResetEvent powerDownSeen;
        private readonly IClock clock;
        private readonly int lateBootWindowMs;
        private long lateBootUntilMs;
        private bool booting;
        private bool rdySeen;
        private bool smsReadySeen;
        private bool absorbSmsReady;
        private bool rebootDetected;

        /// <summary>Creates the watch over two events its owner keeps (set here, waited on here).</summary>
        public BootWatch(ManualResetEvent bootSeen, ManualResetEvent powerDownSeen, IClock clock, int lateBootWindowMs)
        {
            this.bootSeen = bootSeen;
            this.powerDownSeen = powerDownSeen;
            this.clock = clock;
            this.lateBootWindowMs = lateBootWindowMs;
        }

        /// <summary>True once the module restarted on its own since the last boot the driver started.</summary>
        public bool RebootDetected
        {
            get
            {
                lock (sync)
                {
                    return rebootDetected;
                }
            }
        }

        /// <summary>A boot starts: boot notices are expected, and the reboot flag is cleared.</summary>
        public void Begin()
        {
            lock (sync)
            {
                booting = true;
                rdySeen = false;
                smsReadySeen = false;
                absorbSmsReady = false;
                rebootDetected = false;
            }

            bootSeen.Reset();
        }

        /// <summary>The boot is over; from now on a boot notice is a reboot.</summary>
        public void End()
        {
            lock (sync)
            {
                booting = false;
                absorbSmsReady = !smsReadySeen;

                // After our own RDY the trailing SMS Ready belongs to that boot whenever it comes; without one, the
                // module answered before its boot was over, and only a late SMS Ready soon after is its tail.
                lateBootUntilMs = rdySeen ? long.MaxValue : clock.MonotonicMs + lateBootWindowMs;
            }
        }

        /// <summary>Forgets boot notices seen so far, before an action that should cause a new one.</summary>
        public void ExpectBoot()
        {
            bootSeen.Reset();
            powerDownSeen.Reset();
        }

        /// <summary>RDY (<paramref name="rdy"/>) or SMS Ready arrived; returns true when it means an unexpected reboot.</summary>
        public bool OnNotice(bool rdy)
        {
            bool unexpected = false;
            lock (sync)
            {
                if (booting)
                {
                    rdySeen |= rdy;
                    smsReadySeen |= !rdy;
                }
                else if (!rdy && absorbSmsReady && clock.MonotonicMs <= lateBootUntilMs)
                {
                    absorbSmsReady = false;
                }
                else
                {
                    unexpected = true;
                    rebootDetected = true;

                    // The SMS Ready that follows an unexpected RDY belongs to the same reboot.
                    absorbSmsReady = rdy;
                    lateBootUntilMs = long.MaxValue;
                }
            }

            bootSeen.Set();
            return unexpected;
        }

        /// <summary>NORMAL POWER DOWN arrived.</summary>
        public void OnPowerDown()
        {
            powerDownSeen.Set();
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for a boot notice.</summary>
        public bool WaitForNotice(int timeoutMs)
        {
            return bootSeen.WaitOne(timeoutMs, false);
        }

        /// <summary>Waits for a boot notice (true) or a power-down notice or the timeout (false).</summary>
        public bool WaitForNoticeOrPowerDown(int timeoutMs)
        {
            return WaitHandle.WaitAny(new WaitHandle[] { bootSeen, powerDownSeen }, timeoutMs, false) == 0;
        }
    }
}
