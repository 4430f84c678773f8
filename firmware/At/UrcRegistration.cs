namespace CellularIot.At
{
    /// <summary>A URC prefix and the handler registered for it.</summary>
    internal sealed class UrcRegistration
    {
        public UrcRegistration(byte[] prefix, UrcHandler handler)
        {
            Prefix = prefix;
            Handler = handler;
        }

        /// <summary>The bytes a URC line starts with (the whole line for prefix-less URCs such as <c>RDY</c>).</summary>
        public byte[] Prefix { get; private set; }

        /// <summary>Who handles the matching lines.</summary>
        public UrcHandler Handler { get; set; }
    }
}
