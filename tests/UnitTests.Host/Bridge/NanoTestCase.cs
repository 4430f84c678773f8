namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Reflection;

    /// <summary>One runnable unit: a [TestMethod], or one [DataRow] of it.</summary>
    internal sealed class NanoTestCase
    {
        public NanoTestCase(string name, Type testClass, MethodInfo method, object[] arguments, string launcherError)
        {
            Name = name;
            TestClass = testClass;
            Method = method;
            Arguments = arguments;
            LauncherError = launcherError;
        }

        /// <summary>The name dotnet test shows: namespace-relative class, method, and the row number.</summary>
        public string Name { get; }

        public Type TestClass { get; }

        public MethodInfo Method { get; }

        /// <summary>The row's arguments, or null for a method without rows.</summary>
        public object[] Arguments { get; }

        /// <summary>Why the real launcher cannot run this case, or null.</summary>
        public string LauncherError { get; }
    }
}
