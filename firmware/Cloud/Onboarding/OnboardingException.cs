namespace CellularIot.Cloud.Onboarding
{
    using System;

    /// <summary>An onboarding attempt failed; <see cref="Error"/> says how, and the other members say more.</summary>
    public class OnboardingException : Exception
    {
        private readonly OnboardingError error;
        private readonly int statusCode;
        private readonly string statusText;
        private readonly string fieldName;

        /// <summary>Creates the error. Status code and text belong to <see cref="OnboardingError.HttpStatus"/>, the field name to a missing or malformed field.</summary>
        public OnboardingException(OnboardingError error, string message, int statusCode, string statusText, string fieldName)
            : base("onboarding: " + message)
        {
            this.error = error;
            this.statusCode = statusCode;
            this.statusText = statusText;
            this.fieldName = fieldName;
        }

        /// <summary>The kind of failure.</summary>
        public OnboardingError Error
        {
            get { return error; }
        }

        /// <summary>The HTTP status of an error answer, or 0.</summary>
        public int StatusCode
        {
            get { return statusCode; }
        }

        /// <summary>The server's statusText (or the reason phrase when the body has none), or null.</summary>
        public string StatusText
        {
            get { return statusText; }
        }

        /// <summary>The field that is missing or malformed ("username", "iotCoreEndpointUrl", "clientId", "amazonRootCaUrl"), or null.</summary>
        public string FieldName
        {
            get { return fieldName; }
        }
    }
}
