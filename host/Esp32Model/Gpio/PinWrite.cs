namespace CellularIot.Esp32Model
{
    /// <summary>One level written to a model pin.</summary>
    /// <param name="Pin">The pin number.</param>
    /// <param name="High">True for the high level.</param>
    /// <param name="AtMs">When, in milliseconds since the model started.</param>
    public sealed record PinWrite(int Pin, bool High, double AtMs);
}
