namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Collections.Generic;
    using nanoFramework.TestFramework;

    /// <summary>Runs one device test case with nanoFramework's semantics and reports it to xunit.</summary>
    internal static class NanoTestRunner
    {
        private static readonly Dictionary<Type, NanoClassState> Classes = new Dictionary<Type, NanoClassState>();
        private static readonly object Gate = new object();

        public static void Run(NanoTestCase testCase)
        {
            lock (Gate)
            {
                NanoClassState state;
                if (!Classes.TryGetValue(testCase.TestClass, out state))
                {
                    state = new NanoClassState(testCase.TestClass);
                    Classes.Add(testCase.TestClass, state);
                }

                try
                {
                    Execute(testCase, state);
                }
                finally
                {
                    if (state.CaseFinished())
                    {
                        ReportCleanup(state.Cleanup());
                    }
                }
            }
        }

        /// <summary>Runs the [Cleanup] of classes whose cases did not all run (a filtered run).</summary>
        public static void CleanupRemaining()
        {
            lock (Gate)
            {
                foreach (var state in Classes.Values)
                {
                    ReportCleanup(state.Cleanup());
                }
            }
        }

        private static void Execute(NanoTestCase testCase, NanoClassState state)
        {
            if (state.LauncherError != null)
            {
                throw new InvalidOperationException(state.LauncherError);
            }

            if (state.SetupSkipped != null)
            {
                Xunit.Assert.Skip("[Setup] skipped the class: " + state.SetupSkipped);
            }

            if (state.SetupFailure != null)
            {
                throw new InvalidOperationException(state.SetupFailure);
            }

            try
            {
                NullInstanceInvoker.Invoke(testCase.Method, testCase.Arguments);
            }
            catch (SkipTestException ex)
            {
                Xunit.Assert.Skip(ex.Message);
            }
        }

        private static void ReportCleanup(string failure)
        {
            if (failure != null)
            {
                throw new InvalidOperationException(failure);
            }
        }
    }
}
