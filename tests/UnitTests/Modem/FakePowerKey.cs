namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;

    /// <summary>Counts PWRKEY pulses and lets a test play what the module does when pressed.</summary>
    public sealed class FakePowerKey : IPowerKey
    {
        public int Pulses { get; private set; }

        public int LastDurationMs { get; private set; }

        /// <summary>Run on every pulse, after it is counted.</summary>
        public Action Pressed { get; set; }

        public void Pulse(int durationMs)
        {
            Pulses++;
            LastDurationMs = durationMs;
            Action pressed = Pressed;
            if (pressed != null)
            {
                pressed();
            }
        }
    }
}
