namespace nanoFramework.TestFramework
{
    using System.Collections;

    /// <summary>Assertions on collections (arrays included), compared element by element with Equals.</summary>
    public sealed class CollectionAssert
    {
        private CollectionAssert()
        {
        }

        /// <summary>Fails unless the collection has no elements.</summary>
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.CheckNotNull(collection, "CollectionAssert.Empty", nameof(collection));
            if (collection.Count != 0)
            {
                Assert.HandleFail("CollectionAssert.Empty", Assert.ReplaceNulls(message));
            }
        }

        /// <summary>Fails when the collection has no elements.</summary>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.CheckNotNull(collection, "CollectionAssert.NotEmpty", nameof(collection));
            if (collection.Count == 0)
            {
                Assert.HandleFail("CollectionAssert.NotEmpty", Assert.ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless both collections hold equal elements in the same order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason;
            if (!AreCollectionsEqual(expected, actual, out reason))
            {
                Assert.HandleFail("CollectionAssert.AreEqual", Assert.ReplaceNulls(message) + "(" + reason + ")");
            }
        }

        /// <summary>Fails when both collections hold equal elements in the same order.</summary>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            string reason;
            if (AreCollectionsEqual(notExpected, actual, out reason))
            {
                Assert.HandleFail("CollectionAssert.AreNotEqual", Assert.ReplaceNulls(message) + "(" + reason + ")");
            }
        }

        private static bool AreCollectionsEqual(ICollection expected, ICollection actual, out string reason)
        {
            if (object.ReferenceEquals(expected, actual))
            {
                reason = "Both collection references point to the same collection object. ";
                return true;
            }

            if (expected == null || actual == null)
            {
                reason = string.Empty;
                return false;
            }

            if (expected.Count != actual.Count)
            {
                reason = "Different number of elements.";
                return false;
            }

            IEnumerator expectedItems = expected.GetEnumerator();
            IEnumerator actualItems = actual.GetEnumerator();
            int index = 0;
            while (expectedItems.MoveNext() && actualItems.MoveNext())
            {
                object e = expectedItems.Current;
                object a = actualItems.Current;
                if (e == null ? a != null : !e.Equals(a))
                {
                    reason = "Element at index " + index + " do not match. Expected:<" + Assert.ReplaceNulls(e) + ">. Actual:<" + Assert.ReplaceNulls(a) + ">.";
                    return false;
                }

                index++;
            }

            reason = "Both collection contain same elements.";
            return true;
        }
    }
}
