namespace CellularIot.ModemSim.Core;

/// <summary>A run of output bytes a fault applies to: skip some bytes, then take some.</summary>
internal struct ByteWindow
{
    private int skip;
    private int take;

    public ByteWindow(int skip, int take)
    {
        this.skip = skip;
        this.take = take;
    }

    public readonly bool Active => take > 0;

    /// <summary>Advances by one byte; true when that byte is inside the window.</summary>
    public bool Next()
    {
        if (take == 0)
        {
            return false;
        }

        if (skip > 0)
        {
            skip--;
            return false;
        }

        take--;
        return true;
    }
}
