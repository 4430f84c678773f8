namespace nanoFramework.TestFramework
{
    using System;
    using System.Diagnostics.CodeAnalysis;
    using System.Runtime.CompilerServices;
    using TestFrameworkShared;

    /// <summary>Assertions; a failure throws <see cref="AssertFailedException"/> with the real package's message text.</summary>
    public sealed partial class Assert
    {
        private const string NullAsString = "(null)";
        private const string ObjectAsString = "(object)";

        private Assert()
        {
        }

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                HandleFail("Assert.IsTrue", ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="condition"/> is false.</summary>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition)
            {
                HandleFail("Assert.IsFalse", ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value != null)
            {
                HandleFail("Assert.IsNull", ReplaceNulls(message));
            }
        }

        /// <summary>Fails when <paramref name="value"/> is null.</summary>
        public static void IsNotNull([NotNull] object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value == null)
            {
                HandleFail("Assert.IsNotNull", ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless both references are the same object.</summary>
        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!object.ReferenceEquals(expected, actual))
            {
                if (expected is ValueType && actual is ValueType)
                {
                    HandleFail("Assert.AreSame", "Do not pass value types to AreSame(). Values converted to Object will never be the same. Consider using AreEqual(). " + ReplaceNulls(message));
                }

                HandleFail("Assert.AreSame", ReplaceNulls(message));
            }
        }

        /// <summary>Fails when both references are the same object.</summary>
        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            if (object.ReferenceEquals(notExpected, actual))
            {
                HandleFail("Assert.AreNotSame", ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is exactly of type <paramref name="expected"/>.</summary>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value == null || expected != value.GetType())
            {
                HandleFail("Assert.IsInstanceOfType", "Expected type:<" + ReplaceNulls(expected) + ">. Actual type:<" + (value == null ? NullAsString : value.GetType().ToString()) + ">. " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails when <paramref name="value"/> is exactly of type <paramref name="notExpected"/>.</summary>
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value != null && notExpected == value.GetType())
            {
                HandleFail("Assert.IsNotInstanceOfType", "Wrong type:<" + ReplaceNulls(notExpected) + ">. Actual type:<" + value.GetType() + ">. " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="other"/> contains <paramref name="expected"/>.</summary>
        public static void Contains(string expected, string other, string message = "")
        {
            CheckNotNull(expected, "Assert.Contains", nameof(expected));
            CheckNotNull(other, "Assert.Contains", nameof(other));
            if (!other.Contains(expected))
            {
                HandleFail("Assert.Contains", other + " does not contains " + expected + ". " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails when <paramref name="other"/> contains <paramref name="expected"/>.</summary>
        public static void DoesNotContains(string expected, string other, string message = "")
        {
            CheckNotNull(expected, "Assert.Contains", nameof(expected));
            CheckNotNull(other, "Assert.Contains", nameof(other));
            if (other.Contains(expected))
            {
                HandleFail("Assert.DoesNotContains", other + " should not contain " + expected + ". " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="other"/> starts with <paramref name="expected"/>.</summary>
        public static void StartsWith(string expected, string other, string message = "")
        {
            CheckNotNull(expected, "Assert.Contains", nameof(expected));
            CheckNotNull(other, "Assert.Contains", nameof(other));
            if (!other.StartsWith(expected))
            {
                HandleFail("Assert.StartsWith", other + " does not start with " + expected + ". " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="other"/> ends with <paramref name="expected"/>.</summary>
        public static void EndsWith(string expected, string other, string message = "")
        {
            CheckNotNull(expected, "Assert.Contains", nameof(expected));
            CheckNotNull(other, "Assert.Contains", nameof(other));
            if (!other.EndsWith(expected))
            {
                HandleFail("Assert.EndsWith", other + " does not end with " + expected + ". " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            if (action == null)
            {
                throw new ArgumentNullException(nameof(action));
            }

            Exception thrown = null;
            try
            {
                action();
            }
            catch (Exception ex)
            {
                thrown = ex;
            }

            if (thrown == null)
            {
                HandleFail("Assert.ThrowsException", "No exception thrown. " + exceptionType.Name + " exception was expected. " + ReplaceNulls(message));
            }
            else if (thrown.GetType() != exceptionType)
            {
                HandleFail("Assert.ThrowsException", "Threw exception " + thrown.GetType().Name + ", but exception " + exceptionType.Name + " was expected. " + ReplaceNulls(message) + "\r\nException Message: " + thrown.Message);
            }
        }

        /// <summary>Stops the test and reports it as skipped.</summary>
        [DoesNotReturn]
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        [DoesNotReturn]
        internal static void HandleFail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + message);
        }

        internal static string ReplaceNulls(object input)
        {
            if (input == null)
            {
                return NullAsString;
            }

            string text = input.ToString();
            if (text == null)
            {
                return ObjectAsString;
            }

            return ReplaceNullChars(text);
        }

        internal static void CheckNotNull(object value, string assertion, string parameter)
        {
            if (value == null)
            {
                HandleFail(assertion, "The parameter '" + parameter + "' is invalid. The value cannot be null.");
            }
        }

        private static bool AreObjectsEqual(object expected, object actual)
        {
            return expected == null ? actual == null : expected.Equals(actual);
        }

        // nanoFramework's string has no Replace: shown NULs become "\0" so a message never ends early.
        private static string ReplaceNullChars(string text)
        {
            if (text.IndexOf('\0') < 0)
            {
                return text;
            }

            string result = string.Empty;
            foreach (char c in text)
            {
                result += c == '\0' ? "\\0" : c.ToString();
            }

            return result;
        }
    }
}
