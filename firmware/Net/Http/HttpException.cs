namespace CellularIot.Net.Http
{
    using System;

    /// <summary>An HTTP response could not be read; <see cref="Error"/> says why.</summary>
    public class HttpException : Exception
    {
        private readonly HttpError error;

        /// <summary>Creates the error of kind <paramref name="error"/> with a description.</summary>
        public HttpException(HttpError error, string message)
            : base("HTTP: " + message)
        {
            this.error = error;
        }

        /// <summary>The kind of failure.</summary>
        public HttpError Error
        {
            get { return error; }
        }
    }
}
