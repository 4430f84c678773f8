namespace CellularIot.Cloud.Onboarding
{
    /// <summary>Why an onboarding attempt failed.</summary>
    public enum OnboardingError
    {
        /// <summary>The connection failed, closed early, timed out or carried malformed HTTP.</summary>
        Transport = 1,

        /// <summary>The server answered with an error status (400, 404, 500, 503...).</summary>
        HttpStatus = 2,

        /// <summary>The body could not be read as CSV or JSON, or a field has the wrong shape.</summary>
        Malformed = 3,

        /// <summary>The body lacks one of the four fields.</summary>
        MissingField = 4,
    }
}
