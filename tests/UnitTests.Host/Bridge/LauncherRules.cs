namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Linq;
    using System.Reflection;

    /// <summary>
    /// What nanoFramework's UnitTestLauncher (source/UnitTestLauncher/Program.cs in
    /// nanoframework/nanoFramework.TestFramework) sees of a test class: <c>type.GetMethods()</c>, so public
    /// methods only, in declaration order; and the argument types its runtime can read from a [DataRow].
    /// </summary>
    internal static class LauncherRules
    {
        // A [DataRow] argument of any other type (an array, an enum, a Type) makes the launcher stop silently
        // on nanoCLR: that class and every class after it never report.
        private static readonly Type[] SupportedArgumentTypes =
        {
            typeof(string), typeof(bool), typeof(char),
            typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
            typeof(long), typeof(ulong), typeof(float), typeof(double),
        };

        public static MethodInfo[] VisibleMethods(Type testClass)
        {
            return testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OrderBy(m => m.MetadataToken)
                .ToArray();
        }

        public static MethodInfo[] VisibleMethodsWith<TAttribute>(Type testClass)
            where TAttribute : Attribute
        {
            return VisibleMethods(testClass).Where(m => m.GetCustomAttribute<TAttribute>() != null).ToArray();
        }

        /// <summary>Null when every argument is one the launcher passes, else why the class cannot run.</summary>
        public static string UnsupportedArgument(MethodInfo method, object[] arguments)
        {
            foreach (object argument in arguments)
            {
                if (argument == null || !SupportedArgumentTypes.Contains(argument.GetType()))
                {
                    string type = argument == null ? "null" : argument.GetType().Name;
                    return "[DataRow] of " + method.DeclaringType.FullName + "." + method.Name + " passes a " + type
                        + " argument: the nanoFramework launcher passes only numbers, strings, bool and char, and stops"
                        + " silently at such a row (this class and every class after it never report)";
                }
            }

            return null;
        }
    }
}
