namespace CellularIot.App.Commands
{
    using System;
    using CellularIot.App.Telemetry;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Onboarding;

    /// <summary>
    /// Runs the remote commands that arrive on &lt;ICCID&gt;/commands/&lt;name&gt; and writes their JSON reply:
    /// <c>ping</c>, <c>status</c>, and <c>set-interval</c> with <c>{"seconds":N}</c>. Anything malformed or
    /// unknown gets an error reply (<c>{"ok":false,...}</c>); nothing a sender writes can stop the device.
    /// </summary>
    public class CommandProcessor
    {
        /// <summary>Shortest telemetry interval a command may set.</summary>
        public const int MinIntervalSeconds = 1;

        /// <summary>Longest telemetry interval a command may set (one day).</summary>
        public const int MaxIntervalSeconds = 86400;

        /// <summary>Longest command payload read.</summary>
        public const int MaxPayloadBytes = 512;

        private readonly ICommandTarget target;

        /// <summary>Creates a processor acting on <paramref name="target"/>.</summary>
        public CommandProcessor(ICommandTarget target)
        {
            this.target = target;
        }

        /// <summary>Runs command <paramref name="name"/> with its payload and writes the reply into <paramref name="reply"/>.</summary>
        public void Handle(string name, byte[] payload, int offset, int count, JsonBuffer reply)
        {
            reply.Clear();
            reply.BeginObject();
            reply.Property("cmd", name);
            string error = Run(name, payload, offset, count, reply);
            if (error != null)
            {
                reply.Clear();
                reply.BeginObject();
                reply.Property("cmd", name);
                reply.Property("ok", false);
                reply.Property("error", error);
            }

            reply.EndObject();
        }

        // Returns null when the command ran (its properties are written), else the error to reply with.
        private string Run(string name, byte[] payload, int offset, int count, JsonBuffer reply)
        {
            switch (name)
            {
                case "ping":
                    reply.Property("ok", true);
                    reply.Property("up", target.UptimeSeconds);
                    return null;
                case "status":
                    reply.Property("ok", true);
                    target.WriteStatus(reply);
                    return null;
                case "set-interval":
                    return SetInterval(payload, offset, count, reply);
                default:
                    return "unknown command; known: ping, status, set-interval";
            }
        }

        private string SetInterval(byte[] payload, int offset, int count, JsonBuffer reply)
        {
            if (count > MaxPayloadBytes)
            {
                return "payload longer than " + MaxPayloadBytes + " bytes";
            }

            long seconds;
            try
            {
                JsonObject body = JsonObject.Parse(Utf8.Decode(payload, offset, count));
                if (!body.TryGetInteger("seconds", out seconds))
                {
                    return "expected {\"seconds\":N}";
                }
            }
            catch (Utf8Exception ex)
            {
                return ex.Message;
            }
            catch (FormatException ex)
            {
                return "payload is not JSON: " + ex.Message;
            }

            if (seconds < MinIntervalSeconds || seconds > MaxIntervalSeconds)
            {
                return "seconds must be " + MinIntervalSeconds + " to " + MaxIntervalSeconds;
            }

            target.IntervalSeconds = (int)seconds;
            reply.Property("ok", true);
            reply.Property("interval", seconds);
            return null;
        }
    }
}
