namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Collections.Generic;
    using System.Reflection;
    using System.Runtime.ExceptionServices;
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
            if (state.SetupFailure != null)
            {
                throw new InvalidOperationException(state.SetupFailure);
            }

            try
            {
                testCase.Method.Invoke(testCase.Method.IsStatic ? null : state.Instance, testCase.Arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is SkipTestException)
            {
                Xunit.Assert.Skip(ex.InnerException.Message);
            }
            catch (TargetInvocationException ex)
            {
                // The assertion's own exception, with the real framework's message, is what the user sees.
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
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
