namespace CellularIot.CloudSim.Http;

/// <summary>A request that cannot be served: answered with <see cref="Status"/>, or dropped unanswered when it is not HTTP at all.</summary>
internal sealed class HttpFormatException : Exception
{
    public HttpFormatException(int status, string message, bool notHttp = false)
        : base(message)
    {
        Status = status;
        NotHttp = notHttp;
    }

    /// <summary>The status to answer with (400, 413).</summary>
    public int Status { get; }

    /// <summary>The first byte could not start an HTTP request (for example an MQTT CONNECT): drop without answering.</summary>
    public bool NotHttp { get; }
}
