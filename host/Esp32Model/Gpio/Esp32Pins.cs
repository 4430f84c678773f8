namespace CellularIot.Esp32Model
{
    using System;
    using System.Collections.Generic;
    using System.Diagnostics;

    /// <summary>The model board's pins: which are open, and every level written, with when.</summary>
    public static class Esp32Pins
    {
        private static readonly object Gate = new object();
        private static readonly HashSet<int> OpenPins = new HashSet<int>();
        private static readonly List<PinWrite> Writes = new List<PinWrite>();
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        /// <summary>The levels written to <paramref name="pinNumber"/> so far, oldest first.</summary>
        public static PinWrite[] WritesTo(int pinNumber)
        {
            lock (Gate)
            {
                return Writes.FindAll(w => w.Pin == pinNumber).ToArray();
            }
        }

        internal static int Open(int pinNumber)
        {
            lock (Gate)
            {
                if (!OpenPins.Add(pinNumber))
                {
                    throw new InvalidOperationException("pin " + pinNumber + " is already open");
                }

                return pinNumber;
            }
        }

        internal static void Close(int pinNumber)
        {
            lock (Gate)
            {
                OpenPins.Remove(pinNumber);
            }
        }

        internal static void Record(int pinNumber, bool high)
        {
            lock (Gate)
            {
                Writes.Add(new PinWrite(pinNumber, high, Clock.Elapsed.TotalMilliseconds));
            }
        }
    }
}
