namespace CellularIot.Tests.Text
{
    using System;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class JsonObjectTests
    {
        [TestMethod]
        public void DecodesStringEscapes()
        {
            // A surrogate-pair escape is tested in the host suite (HostOnlyStringTests): a nanoFramework string cannot hold one.
            JsonObject json = JsonObject.Parse("{\"a\":\"q\\\"b\\\\s\\/n\\nt\\tu\\u00e9\"}");
            Assert.AreEqual("q\"b\\s/n\nt\tu\u00e9", json.GetString("a"));
        }

        [TestMethod]
        public void SkipsNestedValuesAndKeepsTopLevelMembers()
        {
            JsonObject json = JsonObject.Parse(
                " {\"statusText\" : \"Not Found\", \"errors\": [ {\"code\": 1, \"deep\": [[], {}, [true, false, null]]} ], \"n\": -12.5e3, \"b\": true, \"z\": null }\r\n");
            Assert.AreEqual(5, json.Count);
            Assert.AreEqual("Not Found", json.GetString("statusText"));
            Assert.IsNull(json.GetString("errors"));
            Assert.IsNull(json.GetString("n"));
            Assert.AreEqual("errors", json.NameAt(1));
        }

        [TestMethod]
        public void FindsNamesInAnyCaseOnlyWhenAsked()
        {
            JsonObject json = JsonObject.Parse("{\"iotCoreEndpointURL\":\"x\"}");
            Assert.IsNull(json.GetString("iotCoreEndpointUrl"));
            Assert.AreEqual("x", json.GetStringIgnoreCase("iotCoreEndpointUrl"));
        }

        [TestMethod]
        public void ReadsIntegerParts()
        {
            JsonObject json = JsonObject.Parse("{\"exp\":1700000000,\"neg\":-5,\"frac\":1.9,\"e\":1e9,\"s\":\"5\",\"big\":99999999999999999999}");
            long value;
            Assert.IsTrue(json.TryGetInteger("exp", out value));
            Assert.AreEqual(1700000000L, value);
            Assert.IsTrue(json.TryGetInteger("neg", out value));
            Assert.AreEqual(-5L, value);
            Assert.IsTrue(json.TryGetInteger("frac", out value));
            Assert.AreEqual(1L, value);
            Assert.IsFalse(json.TryGetInteger("e", out value));
            Assert.IsFalse(json.TryGetInteger("s", out value));
            Assert.IsFalse(json.TryGetInteger("big", out value));
            Assert.IsFalse(json.TryGetInteger("missing", out value));
        }

        [TestMethod]
        public void ReadsTheLargestLongAndNumbersWithSignedExponentsAndSkipsNestedNegatives()
        {
            JsonObject json = JsonObject.Parse("{\"max\":9223372036854775807,\"p\":1e+5,\"m\":2E-3,\"a\":[-1,-2.5e-1]}");
            long value;
            Assert.IsTrue(json.TryGetInteger("max", out value));
            Assert.AreEqual(long.MaxValue, value);
            Assert.IsFalse(json.TryGetInteger("p", out value));
            Assert.IsFalse(json.TryGetInteger("m", out value));
            Assert.AreEqual(4, json.Count);
            Assert.AreEqual("a", json.NameAt(3));
            Assert.ThrowsException(typeof(ArgumentNullException), () => JsonObject.Parse(null));
        }

        [TestMethod]
        public void AcceptsAnEmptyObject()
        {
            Assert.AreEqual(0, JsonObject.Parse("{}").Count);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("[]")]
        [DataRow("{\"a\":1} x")]
        [DataRow("{\"a\":\"open}")]
        [DataRow("{\"a\":\"\\x\"}")]
        [DataRow("{\"a\":\"\\u12G4\"}")]
        [DataRow("{\"a\":\"line\nbreak\"}")]
        [DataRow("{\"a\" 1}")]
        [DataRow("{\"a\":1,}")]
        [DataRow("{a:1}")]
        [DataRow("{\"a\":01}")]
        [DataRow("{\"a\":-}")]
        [DataRow("{\"a\":1.}")]
        [DataRow("{\"a\":tru}")]
        [DataRow("{\"a\":[1,2}")]
        [DataRow("{\"a\":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}")]
        public void RejectsMalformedJson(string text)
        {
            Assert.ThrowsException(typeof(FormatException), () => JsonObject.Parse(text));
        }

        [TestMethod]
        public void RefusesTooManyMembers()
        {
            string text = "{";
            for (int i = 0; i <= JsonObject.MaxMembers; i++)
            {
                text += (i > 0 ? "," : string.Empty) + "\"m" + i + "\":" + i;
            }

            Assert.ThrowsException(typeof(FormatException), () => JsonObject.Parse(text + "}"));
        }

        [TestMethod]
        public void GarbageOnlyEverFailsAsFormatException()
        {
            var generator = new Random(3);
            string alphabet = "{}[]\":,\\u0123456789abcdefnrt -+.eE";
            for (int round = 0; round < 300; round++)
            {
                char[] chars = new char[1 + generator.Next(40)];
                chars[0] = '{';
                for (int i = 1; i < chars.Length; i++)
                {
                    chars[i] = alphabet[generator.Next(alphabet.Length)];
                }

                try
                {
                    JsonObject.Parse(new string(chars));
                }
                catch (FormatException)
                {
                    // The only failure allowed.
                }
            }
        }
    }
}
