namespace System.IO
{
    /// <summary>What an open file allows.</summary>
    [Flags]
    internal enum FileAccess
    {
        /// <summary>Reading.</summary>
        Read = 1,

        /// <summary>Writing.</summary>
        Write = 2,

        /// <summary>Both.</summary>
        ReadWrite = 3,
    }
}
