namespace CellularIot.Cloud
{
    using System;

    /// <summary>A message could not be published: the link is not online, or the message was refused before it was sent.</summary>
    public class CloudLinkException : Exception
    {
        /// <summary>Creates the exception; <paramref name="notConnected"/> tells a link that is down from a refused message.</summary>
        public CloudLinkException(string message, bool notConnected, Exception innerException)
            : base(message, innerException)
        {
            NotConnected = notConnected;
        }

        /// <summary>True when the link was not online; the message may be published again later.</summary>
        public bool NotConnected { get; private set; }
    }
}
