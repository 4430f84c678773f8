namespace CellularIot.Modem.ThreeGpp
{
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// Switching a module on by its power key and waiting for its boot, as SIMCom and Quectel modules both do it: a
    /// PWRKEY pulse toggles the module, RDY (and the boot's trailing notice) says it takes commands, and a module that
    /// booted unseen is found by probing once a probe interval passed without a notice. The times come from the driver's
    /// settings (each module's hardware design).
    /// </summary>
    internal sealed class PowerSequence
    {
        private readonly BootWatch boot;
        private readonly IPowerKey powerKey;
        private readonly ModemCommands commands;
        private readonly IClock clock;
        private readonly int pulseMs;
        private readonly int bootTimeoutMs;
        private readonly int probeIntervalMs;
        private readonly int powerDownTimeoutMs;
        private readonly int offSettleMs;

        public PowerSequence(BootWatch boot, IPowerKey powerKey, ModemCommands commands, IClock clock, int pulseMs, int bootTimeoutMs, int probeIntervalMs, int powerDownTimeoutMs, int offSettleMs)
        {
            this.boot = boot;
            this.powerKey = powerKey;
            this.commands = commands;
            this.clock = clock;
            this.pulseMs = pulseMs;
            this.bootTimeoutMs = bootTimeoutMs;
            this.probeIntervalMs = probeIntervalMs;
            this.powerDownTimeoutMs = powerDownTimeoutMs;
            this.offSettleMs = offSettleMs;
        }

        /// <summary>Presses the key to switch a silent module on and waits for its boot.</summary>
        /// <exception cref="ModemException">It did not boot in time.</exception>
        public void SwitchOn()
        {
            boot.ExpectBoot();
            powerKey.Pulse(pulseMs);
            if (!WaitForBoot())
            {
                throw new ModemException("modem did not boot within " + bootTimeoutMs + " ms of PWRKEY");
            }
        }

        /// <summary>Waits for a boot notice, or a module that answers a probe; false when neither comes in time.</summary>
        public bool WaitForBoot()
        {
            long deadline = clock.MonotonicMs + bootTimeoutMs;
            while (true)
            {
                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    return false;
                }

                // RDY and the boot's trailing notice end the wait at once; a module that booted unseen is found by probing.
                if (boot.WaitForNotice((int)(remaining < probeIntervalMs ? remaining : probeIntervalMs)) || commands.Probe(1))
                {
                    return true;
                }
            }
        }

        /// <summary>
        /// Switches echo off (ATE0), the first command of a bring-up that writes the module's settings. A module that
        /// <paramref name="justBooted"/> (RDY, or a probe answered while booting) may still be settling: only when its
        /// ATE0 is not answered is it probed, up to <paramref name="syncAttempts"/> times, until it answers.
        /// </summary>
        /// <exception cref="ModemException">It does not answer, or refuses ATE0.</exception>
        public void EchoOff(bool justBooted, int syncAttempts)
        {
            if (!justBooted || commands.Execute(commands.Command("ATE0")) != AtOutcome.Ok)
            {
                if (justBooted && !commands.Probe(syncAttempts))
                {
                    throw new ModemException("modem does not answer AT after " + syncAttempts + " attempts");
                }

                commands.Ok(commands.Command("ATE0"));
            }
        }

        /// <summary>Switches a hung module off by the key and on again (or on, when the first press found it off).</summary>
        /// <exception cref="ModemException">It did not boot after the cycle.</exception>
        public void PowerCycle()
        {
            boot.ExpectBoot();
            powerKey.Pulse(pulseMs);
            if (boot.WaitForNoticeOrPowerDown(powerDownTimeoutMs))
            {
                // It was off, and this press switched it on.
                return;
            }

            // It was on (hung) and is now off, or said nothing: give it time, then switch it on.
            Thread.Sleep(offSettleMs);
            boot.ExpectBoot();
            powerKey.Pulse(pulseMs);
            if (!WaitForBoot())
            {
                throw new ModemException("modem did not boot after a PWRKEY power cycle");
            }
        }
    }
}
