namespace System.Device.Gpio
{
    /// <summary>A pin level.</summary>
    public readonly struct PinValue : IEquatable<PinValue>
    {
        private PinValue(bool high)
        {
            IsHigh = high;
        }

        /// <summary>The high level.</summary>
        public static PinValue High => new PinValue(true);

        /// <summary>The low level.</summary>
        public static PinValue Low => new PinValue(false);

        internal bool IsHigh { get; }

        /// <summary>Whether two levels are the same.</summary>
        public static bool operator ==(PinValue left, PinValue right) => left.Equals(right);

        /// <summary>Whether two levels differ.</summary>
        public static bool operator !=(PinValue left, PinValue right) => !left.Equals(right);

        /// <inheritdoc/>
        public bool Equals(PinValue other) => IsHigh == other.IsHigh;

        /// <inheritdoc/>
        public override bool Equals(object obj) => obj is PinValue other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => IsHigh ? 1 : 0;
    }
}
