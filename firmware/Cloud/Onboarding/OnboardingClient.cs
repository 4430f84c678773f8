namespace CellularIot.Cloud.Onboarding
{
    using System;
    using CellularIot.Net;
    using CellularIot.Net.Http;
    using CellularIot.Support;

    /// <summary>
    /// One onboarding attempt: GET /device-api/onboarding/mqtt/tokens with "Accept: text/csv" over a
    /// transport the caller opened to <see cref="Host"/>:443 through the modem's PDP context (1NCE knows the
    /// SIM by its address in that network), and closes afterwards. Retrying is the caller's, guided by
    /// <see cref="OnboardingRetryPolicy"/>.
    /// </summary>
    public class OnboardingClient
    {
        /// <summary>The onboarding API's host.</summary>
        public const string Host = "device.connectivity-suite.cloud";

        /// <summary>The JWT onboarding path.</summary>
        public const string Path = "/device-api/onboarding/mqtt/tokens";

        /// <summary>The port (HTTPS).</summary>
        public const int Port = 443;

        /// <summary>The User-Agent sent.</summary>
        public const string UserAgent = "CellularIot/1.0";

        private readonly IClock clock;
        private readonly HttpSettings settings;

        /// <summary>Creates a client that reads answers within <paramref name="settings"/>.</summary>
        public OnboardingClient(IClock clock, HttpSettings settings)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            this.clock = clock;
            this.settings = settings;
        }

        /// <summary>The request sent: no Range header (the endpoint does not support one), and the connection closed after.</summary>
        public static HttpRequest CreateRequest()
        {
            HttpRequest request = new HttpRequest(Host, Path);
            request.Accept = "text/csv";
            request.UserAgent = UserAgent;
            request.Connection = HttpRequest.ConnectionClose;
            return request;
        }

        /// <summary>Fetches this SIM's IoT Core login over <paramref name="transport"/>.</summary>
        /// <exception cref="OnboardingException">The attempt failed; <see cref="OnboardingException.Error"/> says how.</exception>
        public OnboardingResult Fetch(ITransport transport)
        {
            HttpResponse response;
            try
            {
                response = new HttpConnection(transport, clock, settings).Send(CreateRequest());
            }
            catch (HttpException e)
            {
                throw new OnboardingException(OnboardingError.Transport, e.Message, 0, null, null);
            }
            catch (TransportClosedException e)
            {
                throw new OnboardingException(OnboardingError.Transport, "connection closed (" + e.Message + ")", 0, null, null);
            }

            return OnboardingResponse.Interpret(response);
        }
    }
}
