namespace CellularIot.DeviceTestRun;

/// <summary>A device assembly could not be compiled or converted; the message says what to fix.</summary>
public sealed class DeviceBuildException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public DeviceBuildException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public DeviceBuildException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public DeviceBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
