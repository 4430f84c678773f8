namespace CellularIot.ModemSim.Commands;

/// <summary>One received command line, split into name, form and parameters.</summary>
internal sealed class CommandLine
{
    private CommandLine(string body, string name, CommandForm kind, string parameters)
    {
        Body = body;
        Name = name;
        Kind = kind;
        ParameterText = parameters;
    }

    /// <summary>The line after "AT", as received.</summary>
    public string Body { get; }

    /// <summary>"" for a bare AT, "+CSQ" for an extended command (upper case), "E" for ATE0.</summary>
    public string Name { get; }

    public CommandForm Kind { get; }

    /// <summary>The text after '=' (or after a basic command's letter).</summary>
    public string ParameterText { get; }

    /// <summary>The parsed parameters; throws <see cref="CommandArgumentException"/> when malformed.</summary>
    public CommandArgs Args => CommandArgs.Parse(ParameterText);

    /// <summary>
    /// Splits a command line that carries several commands, "AT+CMEE=2;+CLTS=1" (V.250: after "AT" once, commands
    /// separated by semicolons outside quotes), into one line per command; null when it does not start with "AT".
    /// </summary>
    public static IReadOnlyList<CommandLine>? ParseAll(string line)
    {
        CommandLine? first = Parse(line);
        if (first is null)
        {
            return null;
        }

        var commands = new List<CommandLine>();
        bool quoted = false;
        int start = 2;
        for (int i = 2; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }

            if (i == line.Length || (line[i] == ';' && !quoted))
            {
                string body = line[start..i];
                if (body.Length > 0 || commands.Count == 0)
                {
                    commands.Add(Parse("AT" + body)!);
                }

                start = i + 1;
            }
        }

        return commands;
    }

    /// <summary>Splits a line; null when it does not start with "AT" (the module ignores such lines).</summary>
    public static CommandLine? Parse(string line)
    {
        if (line.Length < 2 || char.ToUpperInvariant(line[0]) != 'A' || char.ToUpperInvariant(line[1]) != 'T')
        {
            return null;
        }

        string body = line[2..];
        if (body.Length == 0)
        {
            return new CommandLine(body, string.Empty, CommandForm.Execute, string.Empty);
        }

        if (body[0] != '+')
        {
            // A basic command: a letter (or &letter) and a numeric value, as ATE0.
            int nameLength = body[0] == '&' && body.Length > 1 ? 2 : 1;
            return new CommandLine(body, body[..nameLength].ToUpperInvariant(), CommandForm.Execute, body[nameLength..]);
        }

        int end = 1;
        while (end < body.Length && char.IsAsciiLetterOrDigit(body[end]))
        {
            end++;
        }

        string name = body[..end].ToUpperInvariant();
        string rest = body[end..];
        return rest switch
        {
            "" => new CommandLine(body, name, CommandForm.Execute, string.Empty),
            "?" => new CommandLine(body, name, CommandForm.Read, string.Empty),
            "=?" => new CommandLine(body, name, CommandForm.Test, string.Empty),
            _ when rest[0] == '=' => new CommandLine(body, name, CommandForm.Set, rest[1..]),
            _ => new CommandLine(body, name + rest, CommandForm.Execute, string.Empty),
        };
    }
}
