namespace CellularIot.Cloud.Onboarding
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net.Http;
    using CellularIot.Text;

    /// <summary>
    /// Turns the onboarding endpoint's HTTP answer into an <see cref="OnboardingResult"/> or a typed
    /// <see cref="OnboardingException"/>. CSV (what the firmware asks for) is read by field shape; JSON (what
    /// the server sends by default) by field name, the shapes checked the same way.
    /// </summary>
    public static class OnboardingResponse
    {
        /// <summary>The JSON name of the username field.</summary>
        public const string UsernameField = "username";

        /// <summary>The JSON name of the endpoint field (1NCE's documentation also spells it "iotCoreEndpointURL").</summary>
        public const string EndpointField = "iotCoreEndpointUrl";

        /// <summary>The JSON name of the client ID field.</summary>
        public const string ClientIdField = "clientId";

        /// <summary>The JSON name of the root CA URL field (also spelled "amazonRootCaURL").</summary>
        public const string RootCaField = "amazonRootCaUrl";

        private const int MaxCsvRecords = 4;
        private const int MaxCsvFields = 16;

        /// <summary>The result of a 2xx answer; for any other status an error carrying the status and the server's statusText.</summary>
        /// <exception cref="OnboardingException">An error status, or a body that cannot be read or lacks a field.</exception>
        public static OnboardingResult Interpret(HttpResponse response)
        {
            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            string body = BodyText(response);
            if (!response.IsSuccess)
            {
                string statusText = StatusText(response, body);
                throw new OnboardingException(
                    OnboardingError.HttpStatus,
                    "server answered " + response.StatusCode + " (" + statusText + ")",
                    response.StatusCode,
                    statusText,
                    null);
            }

            if (body == null || body.Trim().Length == 0)
            {
                throw new OnboardingException(OnboardingError.Malformed, "empty or non-UTF-8 body", 0, null, null);
            }

            return LooksLikeJson(response, body) ? ParseJson(body) : ParseCsv(body);
        }

        /// <summary>
        /// Reads the CSV answer by field shape. The first record in which any field is recognised is used, so
        /// a header row, should one ever be sent, is passed over.
        /// </summary>
        /// <exception cref="OnboardingException">Malformed CSV, two values of one shape, or a missing field.</exception>
        public static OnboardingResult ParseCsv(string text)
        {
            string[][] records;
            try
            {
                records = CsvReader.Read(text, MaxCsvRecords, MaxCsvFields);
            }
            catch (FormatException e)
            {
                throw new OnboardingException(OnboardingError.Malformed, e.Message, 0, null, null);
            }

            RecognisedFields found = null;
            for (int r = 0; r < records.Length && found == null; r++)
            {
                found = Classify(records[r]);
            }

            if (found == null)
            {
                found = new RecognisedFields();
            }

            return Build(found.Get(0), found.Get(1), found.Get(2), found.Get(3));
        }

        /// <summary>Reads the JSON answer by field name (any ASCII case), then checks each field's shape.</summary>
        /// <exception cref="OnboardingException">Malformed JSON, a field of the wrong shape, or a missing field.</exception>
        public static OnboardingResult ParseJson(string text)
        {
            JsonObject json = ParseObject(text);
            string username = json.GetStringIgnoreCase(UsernameField);
            string endpoint = json.GetStringIgnoreCase(EndpointField);
            string clientId = json.GetStringIgnoreCase(ClientIdField);
            string rootCa = json.GetStringIgnoreCase(RootCaField);
            if (username != null && !OnboardingFieldRecognizer.IsUsername(username))
            {
                throw Malformed(UsernameField, "holds no " + OnboardingFieldRecognizer.AuthorizerMarker);
            }

            if (endpoint != null)
            {
                string host = OnboardingFieldRecognizer.EndpointHostOf(endpoint.Trim());
                if (host == null)
                {
                    throw Malformed(EndpointField, "is not a host name");
                }

                endpoint = host;
            }

            if (clientId != null && !OnboardingFieldRecognizer.IsIccid(clientId.Trim()))
            {
                throw Malformed(ClientIdField, "is not a 19-20 digit ICCID");
            }

            if (rootCa != null && !OnboardingFieldRecognizer.IsHttpsUrlWithPath(rootCa.Trim()))
            {
                throw Malformed(RootCaField, "is not an https URL");
            }

            return Build(username, endpoint, clientId == null ? null : clientId.Trim(), rootCa == null ? null : rootCa.Trim());
        }

        /// <summary>The statusText of an error body such as {"statusText":"Not Found","errors":[...]}, else the reason phrase.</summary>
        public static string StatusText(HttpResponse response, string body)
        {
            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            if (body != null && body.Trim().Length > 0 && LooksLikeJson(response, body))
            {
                try
                {
                    string text = JsonObject.Parse(body).GetString("statusText");
                    if (text != null)
                    {
                        return text;
                    }
                }
                catch (FormatException)
                {
                    // An error body that is not JSON still leaves the reason phrase.
                }
            }

            return response.ReasonPhrase;
        }

        // The four values by shape, in the order username, endpoint, client ID, root CA URL; null when the
        // record holds none of them.
        private static RecognisedFields Classify(string[] fields)
        {
            var found = new RecognisedFields();
            for (int i = 0; i < fields.Length; i++)
            {
                string value = fields[i].Trim();
                if (value.Length == 0)
                {
                    continue;
                }

                int slot;
                if (OnboardingFieldRecognizer.IsUsername(value))
                {
                    slot = 0;
                }
                else if (OnboardingFieldRecognizer.IsIccid(value))
                {
                    slot = 2;
                }
                else if (OnboardingFieldRecognizer.IsHttpsUrlWithPath(value))
                {
                    slot = 3;
                }
                else
                {
                    value = OnboardingFieldRecognizer.EndpointHostOf(value);
                    if (value == null)
                    {
                        // Unknown columns are ignored: the answer may grow fields later.
                        continue;
                    }

                    slot = 1;
                }

                if (!found.TryPut(slot, value))
                {
                    throw Malformed(FieldName(slot), "appears twice in the CSV record");
                }
            }

            return found.Any ? found : null;
        }

        private static OnboardingResult Build(string username, string endpoint, string clientId, string rootCa)
        {
            RequirePresent(username, 0);
            RequirePresent(endpoint, 1);
            RequirePresent(clientId, 2);
            RequirePresent(rootCa, 3);
            return new OnboardingResult(username, endpoint, clientId, rootCa);
        }

        private static void RequirePresent(string value, int slot)
        {
            if (value == null)
            {
                string name = FieldName(slot);
                throw new OnboardingException(OnboardingError.MissingField, "the answer has no " + name + " (" + Shape(slot) + ")", 0, null, name);
            }
        }

        private static string FieldName(int slot)
        {
            return slot == 0 ? UsernameField : (slot == 1 ? EndpointField : (slot == 2 ? ClientIdField : RootCaField));
        }

        private static string Shape(int slot)
        {
            return slot == 0 ? "a value holding " + OnboardingFieldRecognizer.AuthorizerMarker
                : (slot == 1 ? "an AWS IoT endpoint host name" : (slot == 2 ? "a 19-20 digit ICCID" : "an https URL"));
        }

        private static OnboardingException Malformed(string field, string what)
        {
            return new OnboardingException(OnboardingError.Malformed, field + " " + what, 0, null, field);
        }

        private static JsonObject ParseObject(string text)
        {
            try
            {
                return JsonObject.Parse(text);
            }
            catch (FormatException e)
            {
                throw new OnboardingException(OnboardingError.Malformed, e.Message, 0, null, null);
            }
        }

        private static bool LooksLikeJson(HttpResponse response, string body)
        {
            string type = response.MediaType;
            if (type == "application/json")
            {
                return true;
            }

            if (type == "text/csv")
            {
                return false;
            }

            // No or another content type: the first character decides.
            string trimmed = body.Trim();
            return trimmed.Length > 0 && trimmed[0] == '{';
        }

        // Null when the body is not UTF-8; a leading byte order mark is dropped.
        private static string BodyText(HttpResponse response)
        {
            string text;
            try
            {
                text = Utf8.Decode(response.Body);
            }
            catch (Utf8Exception)
            {
                return null;
            }

            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }
    }
}
