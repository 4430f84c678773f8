namespace nanoFramework.TestFramework
{
    using System;

    /// <summary>Thrown by <see cref="Assert.SkipTest"/>: the test is reported as skipped, not failed.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception with no reason.</summary>
        public SkipTestException()
            : base()
        {
        }

        /// <summary>Creates the exception with the reason for skipping.</summary>
        public SkipTestException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a reason and a cause.</summary>
        public SkipTestException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
