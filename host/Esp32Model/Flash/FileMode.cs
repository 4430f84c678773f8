namespace System.IO
{
    /// <summary>How a file is opened, numbered as in nanoFramework.System.IO.FileSystem.</summary>
    internal enum FileMode
    {
        /// <summary>Create; fail if it exists.</summary>
        CreateNew = 1,

        /// <summary>Create, or empty an existing file.</summary>
        Create = 2,

        /// <summary>Open an existing file.</summary>
        Open = 3,

        /// <summary>Open, or create.</summary>
        OpenOrCreate = 4,

        /// <summary>Open and empty an existing file.</summary>
        Truncate = 5,

        /// <summary>Open at the end.</summary>
        Append = 6,
    }
}
