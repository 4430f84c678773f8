namespace CellularIot.Net.Http
{
    using System;
    using CellularIot.Support;

    /// <summary>
    /// HTTP/1.1 GET requests over one open transport. The caller opens and closes the transport (on the
    /// device, the modem's TLS socket); with "Connection: keep-alive" several requests may follow each other.
    /// </summary>
    public class HttpConnection
    {
        private readonly ITransport transport;
        private readonly HttpResponseReader responses;

        /// <summary>Creates a connection over <paramref name="transport"/> that reads within <paramref name="settings"/>.</summary>
        public HttpConnection(ITransport transport, IClock clock, HttpSettings settings)
        {
            if (transport == null)
            {
                throw new ArgumentNullException(nameof(transport));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            this.transport = transport;
            responses = new HttpResponseReader(new TransportReader(transport, settings.MaxHeaderLineBytes), clock, settings);
        }

        /// <summary>Sends <paramref name="request"/> and reads the whole response.</summary>
        /// <exception cref="ArgumentException">The request cannot be written (see <see cref="HttpRequestWriter"/>).</exception>
        /// <exception cref="HttpException">The response is malformed, over a limit, cut off or late, or the request could not be sent.</exception>
        public HttpResponse Send(HttpRequest request)
        {
            byte[] bytes = HttpRequestWriter.Format(request);
            try
            {
                transport.Write(bytes, 0, bytes.Length);
                if (request.Body != null && request.Body.Length > 0)
                {
                    transport.Write(request.Body, 0, request.Body.Length);
                }
            }
            catch (TransportClosedException e)
            {
                throw new HttpException(HttpError.PrematureClose, "connection closed before the request was sent (" + e.Message + ")");
            }

            return responses.ReadResponse();
        }
    }
}
