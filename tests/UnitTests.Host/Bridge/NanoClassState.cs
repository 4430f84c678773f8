namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Linq;
    using nanoFramework.TestFramework;

    /// <summary>
    /// One test class's life as nanoFramework's launcher runs it: no instance, [Setup] once before its first
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
            LauncherError = NanoTestCatalog.All.Where(c => c.TestClass == testClass).Select(c => c.LauncherError).FirstOrDefault(e => e != null);
            if (LauncherError != null)
            {
                return;
            }

            foreach (var setup in LauncherRules.VisibleMethodsWith<SetupAttribute>(testClass))
            {
                try
                {
                    NullInstanceInvoker.Invoke(setup, null);
                }
                catch (SkipTestException ex)
                {
                    // A skipped [Setup] skips the whole class, as on the device.
                    SetupSkipped = ex.Message;
                    break;
                }
                catch (Exception ex)
                {
                    SetupFailure = "Setup method '" + setup.Name + "' failed: " + ex.GetType().FullName + ": " + ex.Message;
                    break;
                }
            }
        }

        /// <summary>Why the launcher would not run this class at all (an unsupported [DataRow] argument), or null.</summary>
        public string LauncherError { get; }

        /// <summary>The message of a [Setup] that skipped the class, or null.</summary>
        public string SetupSkipped { get; }

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
            if (cleanedUp || LauncherError != null || SetupSkipped != null)
            {
                return null;
            }

            cleanedUp = true;
            foreach (var cleanup in LauncherRules.VisibleMethodsWith<CleanupAttribute>(testClass))
            {
                try
                {
                    NullInstanceInvoker.Invoke(cleanup, null);
                }
                catch (Exception ex)
                {
                    return "Cleanup method '" + cleanup.Name + "' failed: " + ex.GetType().FullName + ": " + ex.Message;
                }
            }

            return null;
        }
    }
}
