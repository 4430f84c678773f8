// The host's copy of nanoFramework.TestFramework's public API, so that the same test sources build for the
// nanoFramework test runner (against the real package) and for dotnet test (against this). Member names,
// signatures and failure messages mirror nanoframework/nanoFramework.TestFramework
// source/TestFrameworkShared/*.cs and source/TestFramework/*.cs (the 3.x line).
namespace nanoFramework.TestFramework
{
    using System;

    /// <summary>Marks a class that holds tests.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a test.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a method run once before the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method run once after all the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One set of arguments for a parameterised test; each row runs as its own test.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row of arguments.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException(nameof(methodParameters), "can not be null");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("can not be empty", nameof(methodParameters));
            }

            MethodParameters = methodParameters;
        }

        /// <summary>The arguments, in parameter order.</summary>
        public object[] MethodParameters { get; }
    }
}
