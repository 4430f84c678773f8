namespace CellularIot.Tests.Cloud.Onboarding
{
    using CellularIot.Bytes;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Net.Http;
    using nanoFramework.TestFramework;
    using TestFrameworkShared;

    [TestClass]
    public class OnboardingResponseTests
    {
        private static readonly int[] IccidTwice = { 0, 1, 2, 3, 2 };

        private static readonly int[] StandardOrder = { 0, 1, 2, 3 };

        private static readonly string[] FieldNames =
        {
            OnboardingResponse.UsernameField, OnboardingResponse.EndpointField, OnboardingResponse.ClientIdField, OnboardingResponse.RootCaField,
        };

        [TestMethod]
        public void ReadsCsvInEveryColumnOrder()
        {
            int[][] orders = ColumnOrders();
            Assert.AreEqual(24, orders.Length);
            for (int o = 0; o < orders.Length; o++)
            {
                AssertSample(OnboardingResponse.Interpret(Csv(OnboardingSamples.CsvLine(orders[o]))));
            }
        }

        [TestMethod]
        public void EveryColumnOrderIgnoresAnUnknownColumnAnywhere()
        {
            int[][] orders = ColumnOrders();
            for (int o = 0; o < orders.Length; o++)
            {
                for (int at = 0; at <= 4; at++)
                {
                    AssertSample(OnboardingResponse.Interpret(Csv(OnboardingSamples.CsvLine(Inserted(orders[o], at, OnboardingSamples.UnknownColumn)))));
                }
            }
        }

        [TestMethod]
        public void EveryColumnOrderNamesAMissingColumn()
        {
            int[][] orders = ColumnOrders();
            for (int o = 0; o < orders.Length; o++)
            {
                for (int dropped = 0; dropped < 4; dropped++)
                {
                    int[] order = new int[4];
                    int at = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        if (orders[o][i] != dropped)
                        {
                            order[at++] = orders[o][i];
                        }
                    }

                    order[3] = OnboardingSamples.UnknownColumn;
                    OnboardingException error = Expect(Csv(OnboardingSamples.CsvLine(order)));
                    Assert.AreEqual((int)OnboardingError.MissingField, (int)error.Error);
                    Assert.AreEqual(FieldNames[dropped], error.FieldName);
                }
            }
        }

        [TestMethod]
        public void EveryColumnOrderRefusesADuplicateColumn()
        {
            int[][] orders = ColumnOrders();
            for (int o = 0; o < orders.Length; o++)
            {
                for (int twice = 0; twice < 4; twice++)
                {
                    OnboardingException error = Expect(Csv(OnboardingSamples.CsvLine(Inserted(orders[o], 4 - twice, twice))));
                    Assert.AreEqual((int)OnboardingError.Malformed, (int)error.Error);
                    Assert.AreEqual(FieldNames[twice], error.FieldName);
                }
            }
        }

        [TestMethod]
        public void ReadsUnquotedCsvWithoutALineEndAndSkipsAHeaderRow()
        {
            string line = OnboardingSamples.Iccid + "," + OnboardingSamples.Endpoint + "," + OnboardingSamples.RootCaUrl + "," + OnboardingSamples.Username;
            AssertSample(OnboardingResponse.ParseCsv(line));
            AssertSample(OnboardingResponse.ParseCsv("username,iotCoreEndpointUrl,clientId,amazonRootCaUrl\r\n" + line));
        }

        [TestMethod]
        public void KeepsTheUsernameByteForByteAndIgnoresUnknownColumns()
        {
            string username = "x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=%2B%2F%3D&token=\"q\"";
            string quoted = "\"x?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=%2B%2F%3D&token=\"\"q\"\"\"";
            string csv = quoted + ",extra value," + OnboardingSamples.Endpoint + ",\"" + OnboardingSamples.Iccid + "\"," + OnboardingSamples.RootCaUrl;
            OnboardingResult result = OnboardingResponse.ParseCsv(csv);
            Assert.AreEqual(username, result.Username);
        }

        [TestMethod]
        public void AnEndpointGivenAsAnHttpsUrlBecomesItsHost()
        {
            OnboardingResult result = OnboardingResponse.ParseCsv(
                OnboardingSamples.Username + ",https://" + OnboardingSamples.Endpoint + "/," + OnboardingSamples.Iccid + "," + OnboardingSamples.RootCaUrl);
            Assert.AreEqual(OnboardingSamples.Endpoint, result.EndpointHost);
        }

        [TestMethod]
        [DataRow(0, "username")]
        [DataRow(1, "iotCoreEndpointUrl")]
        [DataRow(2, "clientId")]
        [DataRow(3, "amazonRootCaUrl")]
        public void AMissingCsvFieldIsNamed(int missing, string name)
        {
            int[] order = new int[3];
            int at = 0;
            for (int i = 0; i < 4; i++)
            {
                if (i != missing)
                {
                    order[at++] = i;
                }
            }

            OnboardingException error = Expect(Csv(OnboardingSamples.CsvLine(order)));
            Assert.AreEqual((int)OnboardingError.MissingField, (int)error.Error);
            Assert.AreEqual(name, error.FieldName);
            Assert.Contains(name, error.Message);
        }

        [TestMethod]
        public void TwoValuesOfOneShapeAreMalformed()
        {
            OnboardingException error = Expect(Csv(OnboardingSamples.CsvLine(IccidTwice)));
            Assert.AreEqual((int)OnboardingError.Malformed, (int)error.Error);
            Assert.AreEqual("clientId", error.FieldName);
        }

        [TestMethod]
        [DataRow("\"unterminated")]
        [DataRow("nothing,recognisable,here")]
        [DataRow("   ")]
        public void UnreadableCsvFails(string body)
        {
            OnboardingException error = Expect(Csv(body));
            Assert.IsTrue(error.Error == OnboardingError.Malformed || error.Error == OnboardingError.MissingField);
        }

        [TestMethod]
        public void ReadsTheJsonAnswerWithEitherSpellingOfTheNames()
        {
            string json = "{\"username\":\"" + OnboardingSamples.Username + "\",\"iotCoreEndpointURL\":\"" + OnboardingSamples.Endpoint
                + "\",\"clientId\":\"" + OnboardingSamples.Iccid + "\",\"amazonRootCaURL\":\"https:\\/\\/www.amazontrust.com\\/repository\\/AmazonRootCA1.pem\"}";
            AssertSample(OnboardingResponse.Interpret(Response(200, "OK", "application/json; charset=utf-8", json)));
            AssertSample(OnboardingResponse.Interpret(Response(200, "OK", null, json)));
        }

        [TestMethod]
        public void AMissingOrMisshapenJsonFieldIsNamed()
        {
            string noClient = "{\"username\":\"" + OnboardingSamples.Username + "\",\"iotCoreEndpointUrl\":\"" + OnboardingSamples.Endpoint
                + "\",\"amazonRootCaUrl\":\"" + OnboardingSamples.RootCaUrl + "\"}";
            OnboardingException error = Expect(Response(200, "OK", "application/json", noClient));
            Assert.AreEqual((int)OnboardingError.MissingField, (int)error.Error);
            Assert.AreEqual("clientId", error.FieldName);

            string badEndpoint = "{\"username\":\"" + OnboardingSamples.Username + "\",\"iotCoreEndpointUrl\":\"not a host\",\"clientId\":\""
                + OnboardingSamples.Iccid + "\",\"amazonRootCaUrl\":\"" + OnboardingSamples.RootCaUrl + "\"}";
            error = Expect(Response(200, "OK", "application/json", badEndpoint));
            Assert.AreEqual((int)OnboardingError.Malformed, (int)error.Error);
            Assert.AreEqual("iotCoreEndpointUrl", error.FieldName);
        }

        [TestMethod]
        [DataRow(400, "Bad Request")]
        [DataRow(404, "Not Found")]
        [DataRow(500, "Internal Server Error")]
        [DataRow(503, "Service Unavailable")]
        public void ErrorStatusesCarryTheServersStatusText(int status, string reason)
        {
            string body = "{\"statusText\":\"SIM says " + status + "\",\"errors\":[{\"message\":\"details\"}]}";
            OnboardingException error = Expect(Response(status, reason, "application/json", body));
            Assert.AreEqual((int)OnboardingError.HttpStatus, (int)error.Error);
            Assert.AreEqual(status, error.StatusCode);
            Assert.AreEqual("SIM says " + status, error.StatusText);
        }

        [TestMethod]
        public void AnErrorWithoutAJsonBodyFallsBackToTheReasonPhrase()
        {
            OnboardingException error = Expect(Response(503, "Service Unavailable", "text/html", "<html>busy</html>"));
            Assert.AreEqual("Service Unavailable", error.StatusText);
            error = Expect(Response(500, "Internal Server Error", "application/json", "{broken"));
            Assert.AreEqual("Internal Server Error", error.StatusText);
        }

        [TestMethod]
        public void AnEmptyOrNonUtf8BodyIsMalformed()
        {
            Assert.AreEqual((int)OnboardingError.Malformed, (int)Expect(Response(200, "OK", "text/csv", string.Empty)).Error);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Content-Type", "text/csv");
            var binary = new HttpResponse(1, 200, "OK", headers, new byte[] { 0xC3, 0x28, 0x2C });
            Assert.AreEqual((int)OnboardingError.Malformed, (int)Expect(binary).Error);
        }

        [TestMethod]
        public void GarbageOnlyEverFailsAsOnboardingException()
        {
            var generator = new System.Random(11);
            string alphabet = "\",\r\n\\n{}:x-amz-customauthorizer-name?&=%3F8988228066612345678https://a.b.com/c.pem ";
            for (int round = 0; round < 300; round++)
            {
                char[] chars = new char[generator.Next(120)];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = alphabet[generator.Next(alphabet.Length)];
                }

                string text = new string(chars);
                try
                {
                    OnboardingResponse.Interpret(Response(200, "OK", round % 2 == 0 ? "text/csv" : null, text));
                }
                catch (OnboardingException)
                {
                    // The only failure allowed.
                }
            }
        }

        // The 24 orders of the four columns 0..3.
        [TestMethod]
        public void DropsALeadingByteOrderMark()
        {
            AssertSample(OnboardingResponse.Interpret(Csv("\uFEFF" + OnboardingSamples.CsvLine(StandardOrder))));
        }

        [TestMethod]
        public void AnErrorWithAnEmptyBodyKeepsItsReasonPhrase()
        {
            OnboardingException error = Expect(Response(503, "Service Unavailable", null, string.Empty));
            Assert.AreEqual(503, error.StatusCode);
            Assert.AreEqual("Service Unavailable", error.StatusText);
        }

        private static int[][] ColumnOrders()
        {
            int[][] orders = new int[24][];
            int count = 0;
            for (int a = 0; a < 4; a++)
            {
                for (int b = 0; b < 4; b++)
                {
                    for (int c = 0; c < 4; c++)
                    {
                        int d = 6 - a - b - c;
                        if (a == b || a == c || b == c || d < 0 || d > 3 || d == a || d == b || d == c)
                        {
                            continue;
                        }

                        orders[count++] = new int[] { a, b, c, d };
                    }
                }
            }

            return orders;
        }

        // The order with one more column, <paramref name="column"/>, at position <paramref name="at"/>.
        private static int[] Inserted(int[] order, int at, int column)
        {
            int[] longer = new int[order.Length + 1];
            for (int i = 0, from = 0; i < longer.Length; i++)
            {
                longer[i] = i == at ? column : order[from++];
            }

            return longer;
        }

        internal static void AssertSample(OnboardingResult result)
        {
            Assert.AreEqual(OnboardingSamples.Username, result.Username);
            Assert.AreEqual(OnboardingSamples.Endpoint, result.EndpointHost);
            Assert.AreEqual(OnboardingSamples.Iccid, result.ClientId);
            Assert.AreEqual(OnboardingSamples.RootCaUrl, result.AmazonRootCaUrl);
        }

        private static HttpResponse Csv(string body)
        {
            return Response(200, "OK", "text/csv", body);
        }

        private static HttpResponse Response(int status, string reason, string contentType, string body)
        {
            HttpHeaders headers = new HttpHeaders();
            if (contentType != null)
            {
                headers.Add("Content-Type", contentType);
            }

            return new HttpResponse(1, status, reason, headers, Utf8.GetBytes(body));
        }

        private static OnboardingException Expect(HttpResponse response)
        {
            try
            {
                OnboardingResponse.Interpret(response);
            }
            catch (OnboardingException e)
            {
                return e;
            }

            throw new AssertFailedException("no OnboardingException");
        }
    }
}
