namespace CellularIot.At
{
    /// <summary>
    /// Handles one unsolicited result code. Called on the channel's URC dispatcher thread, one call at a time,
    /// in arrival order; <paramref name="line"/> is valid only during the call.
    /// </summary>
    public delegate void UrcHandler(AtLine line);
}
