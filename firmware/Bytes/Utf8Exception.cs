namespace CellularIot.Bytes
{
    using System;

    /// <summary>Bytes or a string that are not well-formed UTF-8 / UTF-16.</summary>
    public class Utf8Exception : Exception
    {
        /// <summary>Creates the error with a description of what was malformed and where.</summary>
        public Utf8Exception(string message)
            : base("invalid UTF-8: " + message)
        {
        }
    }
}
