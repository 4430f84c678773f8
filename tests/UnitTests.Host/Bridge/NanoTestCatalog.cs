namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Collections.Generic;
    using System.Linq;
    using System.Reflection;
    using nanoFramework.TestFramework;

    /// <summary>Finds the device tests in this assembly the way nanoFramework's launcher does.</summary>
    internal static class NanoTestCatalog
    {
        private const string RootNamespace = "CellularIot.Tests.";

        private static readonly Lazy<IReadOnlyList<NanoTestCase>> Cases = new Lazy<IReadOnlyList<NanoTestCase>>(Discover);

        /// <summary>Every case, in a fixed order (class name, then declaration order), so an index names one.</summary>
        public static IReadOnlyList<NanoTestCase> All => Cases.Value;

        /// <summary>How many cases each test class has, so its [Cleanup] can run after its last one.</summary>
        public static int CountFor(Type testClass) => All.Count(c => c.TestClass == testClass);

        private static List<NanoTestCase> Discover()
        {
            var cases = new List<NanoTestCase>();
            var classes = typeof(NanoTestCatalog).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<TestClassAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal);
            foreach (var testClass in classes)
            {
                string className = testClass.FullName.StartsWith(RootNamespace, StringComparison.Ordinal)
                    ? testClass.FullName.Substring(RootNamespace.Length)
                    : testClass.FullName;
                var methods = LauncherRules.VisibleMethodsWith<TestMethodAttribute>(testClass);

                // The launcher runs every [TestMethod] of a class first, then every [DataRow].
                foreach (var method in methods.Where(m => !m.IsDefined(typeof(DataRowAttribute), false)))
                {
                    cases.Add(new NanoTestCase(className + "." + method.Name, testClass, method, null, null));
                }

                foreach (var method in methods)
                {
                    var rows = method.GetCustomAttributes<DataRowAttribute>().ToList();
                    for (int i = 0; i < rows.Count; i++)
                    {
                        string name = className + "." + method.Name + " [DataRow " + (i + 1) + "]";
                        object[] arguments = rows[i].MethodParameters;
                        cases.Add(new NanoTestCase(name, testClass, method, arguments, LauncherRules.UnsupportedArgument(method, arguments)));
                    }
                }
            }

            return cases;
        }
    }
}
