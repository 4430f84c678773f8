namespace CellularIot.Cloud.Onboarding
{
    using System;

    /// <summary>
    /// What 1NCE's onboarding endpoint returns: the AWS IoT Core login for this SIM. The username carries the
    /// custom-authorizer token and is a credential: log it only through Redact.Secret.
    /// </summary>
    public class OnboardingResult
    {
        private readonly string username;
        private readonly string endpointHost;
        private readonly string clientId;
        private readonly string amazonRootCaUrl;

        /// <summary>Creates a result from the four fields.</summary>
        public OnboardingResult(string username, string endpointHost, string clientId, string amazonRootCaUrl)
        {
            if (username == null)
            {
                throw new ArgumentNullException(nameof(username));
            }

            if (endpointHost == null)
            {
                throw new ArgumentNullException(nameof(endpointHost));
            }

            if (clientId == null)
            {
                throw new ArgumentNullException(nameof(clientId));
            }

            if (amazonRootCaUrl == null)
            {
                throw new ArgumentNullException(nameof(amazonRootCaUrl));
            }

            this.username = username;
            this.endpointHost = endpointHost;
            this.clientId = clientId;
            this.amazonRootCaUrl = amazonRootCaUrl;
        }

        /// <summary>The MQTT username exactly as returned (the field "username").</summary>
        public string Username
        {
            get { return username; }
        }

        /// <summary>The IoT Core data endpoint host, e.g. "xxx-ats.iot.eu-west-3.amazonaws.com" (the field "iotCoreEndpointUrl").</summary>
        public string EndpointHost
        {
            get { return endpointHost; }
        }

        /// <summary>The MQTT client ID: the SIM's ICCID (the field "clientId").</summary>
        public string ClientId
        {
            get { return clientId; }
        }

        /// <summary>Where the root CA the endpoint chains to can be fetched (the field "amazonRootCaUrl"; never downloaded).</summary>
        public string AmazonRootCaUrl
        {
            get { return amazonRootCaUrl; }
        }
    }
}
