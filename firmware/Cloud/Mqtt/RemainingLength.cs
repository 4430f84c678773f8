namespace CellularIot.Cloud.Mqtt
{
    using System;

    /// <summary>
    /// The fixed header's remaining length: 1 to 4 bytes, 7 bits each, least significant first, the top
    /// bit meaning "more follows" (MQTT 3.1.1 section 2.2.3). Reading it is <see cref="PacketFramer"/>'s job.
    /// </summary>
    public static class RemainingLength
    {
        /// <summary>Largest value 4 bytes can hold: 268,435,455.</summary>
        public const int Max = 268435455;

        /// <summary>Most bytes the field takes.</summary>
        public const int MaxBytes = 4;

        /// <summary>How many bytes <paramref name="value"/> takes.</summary>
        public static int SizeOf(int value)
        {
            Check(value);
            if (value < 128)
            {
                return 1;
            }

            if (value < 16384)
            {
                return 2;
            }

            return value < 2097152 ? 3 : 4;
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="offset"/>; returns the byte count.</summary>
        public static int Write(int value, byte[] buffer, int offset)
        {
            Check(value);
            int at = offset;
            do
            {
                int digit = value & 0x7F;
                value >>= 7;
                buffer[at++] = (byte)(value > 0 ? digit | 0x80 : digit);
            }
            while (value > 0);

            return at - offset;
        }

        private static void Check(int value)
        {
            if (value < 0 || value > Max)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "a remaining length is 0.." + Max);
            }
        }
    }
}
