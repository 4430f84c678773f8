// The real package declares this type in the TestFrameworkShared namespace, not nanoFramework.TestFramework.
namespace TestFrameworkShared
{
    using System;

    /// <summary>Thrown when an assertion fails.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception with no message.</summary>
        public AssertFailedException()
        {
        }

        /// <summary>Creates the exception with the failure message.</summary>
        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        /// <summary>Creates the exception with the failure message and a cause.</summary>
        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }
    }
}
