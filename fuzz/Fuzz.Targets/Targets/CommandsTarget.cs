using System.Text.Json;
using CellularIot.App.Commands;
using CellularIot.Text;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The command processor on any name and payload anyone allowed to publish under the SIM's commands topic can send:
/// it never throws, always writes one well-formed JSON object that fits its buffer and echoes the command, and
/// changes the interval only to a value within its range.
/// </summary>
public sealed class CommandsTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "commands";

    /// <inheritdoc/>
    public string Description => "CommandProcessor.Handle: any command name and payload";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return [4, .. "ping"u8, .. "{}"u8];
        yield return [6, .. "status"u8];
        yield return [11, .. "setInterval"u8, .. "{\"seconds\":60}"u8];
        yield return [11, .. "setInterval"u8, .. "{\"seconds\":-1,\"seconds\":1e9}"u8];
        yield return [70, .. new string('"', 70).Select(c => (byte)c), .. "{"u8];
        yield return [5, (byte)'p', 0xFF, 0xD8, 0x00, (byte)'g', 0xC3, 0x28];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int nameBytes = input.Byte();
        string name = FuzzInput.ToText(input.Take(nameBytes));
        byte[] payload = input.Rest();
        int offset = payload.Length > 0 ? input.Below(2) : 0;
        var target = new Target();
        var reply = new JsonBuffer(CommandProcessor.MinReplyBytes);
        new CommandProcessor(target).Handle(name, payload, offset, payload.Length - offset, reply);

        FuzzFindingException.Check(reply.Length > 0 && reply.Length <= reply.Bytes.Length, "no reply, or one past its buffer");
        using JsonDocument json = JsonDocument.Parse(reply.Bytes.AsMemory(0, reply.Length));
        FuzzFindingException.Check(json.RootElement.ValueKind == JsonValueKind.Object, "the reply is not an object");
        FuzzFindingException.Check(json.RootElement.TryGetProperty("cmd", out _), "the reply does not name the command");
        FuzzFindingException.Check(target.IntervalSeconds >= CommandProcessor.MinIntervalSeconds && target.IntervalSeconds <= CommandProcessor.MaxIntervalSeconds, "interval set to " + target.IntervalSeconds);
    }

    private sealed class Target : ICommandTarget
    {
        public long UptimeSeconds => 42;

        public int IntervalSeconds { get; set; } = 300;

        public void WriteStatus(JsonBuffer reply)
        {
            reply.Property("up", UptimeSeconds);
            reply.Property("interval", IntervalSeconds);
        }
    }
}
