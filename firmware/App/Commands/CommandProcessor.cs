namespace CellularIot.App.Commands
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Text;

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

        /// <summary>The reply buffer a processor needs: any error reply fits it.</summary>
        public const int MinReplyBytes = 512;

        /// <summary>Longest command name echoed in a reply; a longer one is answered as malformed.</summary>
        public const int MaxEchoedNameChars = 64;

        // Longest error text in a reply: with the longest name and every character escaped, the reply still
        // fits MinReplyBytes.
        private const int MaxErrorChars = 150;

        private readonly ICommandTarget target;

        /// <summary>Creates a processor acting on <paramref name="target"/>.</summary>
        public CommandProcessor(ICommandTarget target)
        {
            this.target = target;
        }

        /// <summary>
        /// Runs command <paramref name="name"/> with its payload and writes the reply into <paramref name="reply"/>.
        /// Anything malformed is answered with an error reply; nothing the sender controls makes it throw.
        /// </summary>
        /// <param name="reply">A buffer of at least <see cref="MinReplyBytes"/> bytes.</param>
        public void Handle(string name, byte[] payload, int offset, int count, JsonBuffer reply)
        {
            string echoed = Echoable(name, MaxEchoedNameChars);
            string error;
            try
            {
                reply.Clear();
                reply.BeginObject();
                reply.Property("cmd", echoed);
                error = echoed == name ? Run(name, payload, offset, count, reply) : "command name longer than " + MaxEchoedNameChars + " characters or not printable ASCII";
            }
            catch (InvalidOperationException)
            {
                // The target's status did not fit the reply buffer.
                error = "reply longer than " + reply.Bytes.Length + " bytes";
            }

            if (error != null)
            {
                // Both texts are bounded and plain ASCII, so this reply always fits and always encodes.
                reply.Clear();
                reply.BeginObject();
                reply.Property("cmd", echoed);
                reply.Property("ok", false);
                reply.Property("error", Echoable(error, MaxErrorChars));
            }

            reply.EndObject();
        }

        // The text as it may go into a reply: printable ASCII only (anything else becomes '?', so an unpaired
        // surrogate cannot reach the UTF-8 encoder), cut to maxChars.
        private static string Echoable(string text, int maxChars)
        {
            if (text == null)
            {
                return string.Empty;
            }

            int length = text.Length < maxChars ? text.Length : maxChars;
            char[] chars = new char[length];
            bool changed = length != text.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                bool printable = c >= ' ' && c <= '~';
                chars[i] = printable ? c : '?';
                changed |= !printable;
            }

            return changed ? new string(chars) : text;
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
