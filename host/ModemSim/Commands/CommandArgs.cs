using System.Globalization;

namespace CellularIot.ModemSim.Commands;

/// <summary>
/// The parameters after '=': comma-separated, each a bare token or a double-quoted string (which may hold commas).
/// Accessors throw <see cref="CommandArgumentException"/> on anything missing or malformed.
/// </summary>
internal sealed class CommandArgs
{
    private readonly List<(string Text, bool Quoted)> items;

    private CommandArgs(List<(string Text, bool Quoted)> items) => this.items = items;

    public static CommandArgs Empty { get; } = new([]);

    public int Count => items.Count;

    public static CommandArgs Parse(string text)
    {
        var parsed = new List<(string, bool)>();
        if (text.Length == 0)
        {
            return new CommandArgs(parsed);
        }

        int i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i < text.Length && text[i] == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw new CommandArgumentException("Unterminated string.");
                }

                parsed.Add((text[(i + 1)..close], true));
                i = close + 1;
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                if (i < text.Length && text[i] != ',')
                {
                    throw new CommandArgumentException("Text after a string.");
                }
            }
            else
            {
                int comma = text.IndexOf(',', i);
                int end = comma < 0 ? text.Length : comma;
                string token = text[i..end].Trim();
                if (token.Contains('"', StringComparison.Ordinal))
                {
                    throw new CommandArgumentException("Stray quote.");
                }

                parsed.Add((token, false));
                i = end;
            }

            if (i >= text.Length)
            {
                return new CommandArgs(parsed);
            }

            i++;
        }
    }

    /// <summary>A decimal parameter within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public int Int(int index, int min, int max)
    {
        (string text, bool quoted) = At(index);
        if (quoted || text.Length == 0 || text.Length > 10 || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new CommandArgumentException($"Parameter {index} must be {min}..{max}.");
        }

        return value;
    }

    /// <summary>An optional decimal parameter: <paramref name="fallback"/> when absent or empty.</summary>
    public int OptionalInt(int index, int min, int max, int fallback) =>
        index >= Count || items[index].Text.Length == 0 && !items[index].Quoted ? fallback : Int(index, min, max);

    /// <summary>A double-quoted parameter's text.</summary>
    public string Quoted(int index)
    {
        (string text, bool quoted) = At(index);
        if (!quoted)
        {
            throw new CommandArgumentException($"Parameter {index} must be quoted.");
        }

        return text;
    }

    /// <summary>Fails unless there are <paramref name="min"/>..<paramref name="max"/> parameters.</summary>
    public void RequireCount(int min, int max)
    {
        if (Count < min || Count > max)
        {
            throw new CommandArgumentException($"Expected {min}..{max} parameters, got {Count}.");
        }
    }

    private (string Text, bool Quoted) At(int index) =>
        index < items.Count ? items[index] : throw new CommandArgumentException($"Parameter {index} is missing.");
}
