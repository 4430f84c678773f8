namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Linq;
    using System.Reflection;
    using nanoFramework.TestFramework;

    /// <summary>
    /// One test class's life as nanoFramework's launcher runs it: one instance, [Setup] once before its first
    /// test, [Cleanup] once after its last.
    /// </summary>
    internal sealed class NanoClassState
    {
        private readonly Type testClass;
        private readonly int caseCount;
        private int casesRun;
        private bool cleanedUp;

        public NanoClassState(Type testClass)
        {
            this.testClass = testClass;
            caseCount = NanoTestCatalog.CountFor(testClass);
            Instance = Activator.CreateInstance(testClass);
            foreach (var setup in MethodsWith<SetupAttribute>())
            {
                try
                {
                    setup.Invoke(Instance, null);
                }
                catch (TargetInvocationException ex)
                {
                    SetupFailure = "Setup method '" + setup.Name + "' failed: " + ex.InnerException.GetType().FullName + ": " + ex.InnerException.Message;
                    break;
                }
            }
        }

        public object Instance { get; }

        /// <summary>Why [Setup] failed, or null; every test of the class then fails with it.</summary>
        public string SetupFailure { get; }

        /// <summary>Counts a finished case; true when it was the class's last and [Cleanup] is due.</summary>
        public bool CaseFinished()
        {
            casesRun++;
            return casesRun == caseCount;
        }

        /// <summary>Runs [Cleanup] once; the error message of a failing one, or null.</summary>
        public string Cleanup()
        {
            if (cleanedUp)
            {
                return null;
            }

            cleanedUp = true;
            foreach (var cleanup in MethodsWith<CleanupAttribute>())
            {
                try
                {
                    cleanup.Invoke(Instance, null);
                }
                catch (TargetInvocationException ex)
                {
                    return "Cleanup method '" + cleanup.Name + "' failed: " + ex.InnerException.GetType().FullName + ": " + ex.InnerException.Message;
                }
            }

            return null;
        }

        private MethodInfo[] MethodsWith<TAttribute>()
            where TAttribute : Attribute
        {
            return testClass.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<TAttribute>() != null)
                .ToArray();
        }
    }
}
