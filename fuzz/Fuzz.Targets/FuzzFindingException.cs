namespace CellularIot.Fuzz;

/// <summary>A target's invariant broke: the code answered, but wrongly.</summary>
public sealed class FuzzFindingException : Exception
{
    /// <summary>Creates the finding.</summary>
    public FuzzFindingException()
    {
    }

    /// <summary>Creates the finding with what broke.</summary>
    public FuzzFindingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the finding with what broke and why.</summary>
    public FuzzFindingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Throws when <paramref name="holds"/> is false.</summary>
    public static void Check(bool holds, string what)
    {
        if (!holds)
        {
            throw new FuzzFindingException(what);
        }
    }
}
