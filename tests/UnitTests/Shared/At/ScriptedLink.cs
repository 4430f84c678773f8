namespace CellularIot.Tests.At
{
    using System;
    using System.Collections;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Bytes;
    using CellularIot.Tests.Support;

    /// <summary>
    /// An in-memory modem for tests: it reads the commands the firmware writes and answers from a script
    /// (when it sees command X it replies Y), takes payloads after prompts, and lets a test inject URCs,
    /// garbage or silence at any time. It records every command with the time it arrived.
    /// </summary>
    public sealed class ScriptedLink : IByteLink, IDisposable
    {
        private const string Ok = "\r\nOK\r\n";

        private readonly object sync = new object();
        private readonly ByteRing inbound = new ByteRing(1 << 17);
        private readonly AutoResetEvent arrived = new AutoResetEvent(false);
        private readonly ArrayList rules = new ArrayList();
        private readonly ArrayList commands = new ArrayList();
        private readonly ArrayList commandTimes = new ArrayList();
        private readonly ArrayList payloads = new ArrayList();
        private readonly byte[] line = new byte[2048];
        private readonly RealClock clock = new RealClock();
        private int lineLength;
        private byte[] payload;
        private int payloadFilled;
        private string afterPayload;
        private SeededSplits splits;

        public ScriptedLink()
        {
            UnknownReply = "\r\nERROR\r\n";
        }

        /// <summary>What unknown commands get (a real modem says ERROR); empty for silence.</summary>
        public string UnknownReply { get; set; }

        /// <summary>Echo every command back as "command\r", as a module does after a boot until ATE0.</summary>
        public bool Echo { get; set; }

        /// <summary>Answer nothing at all (the module is off or hung); injected text still arrives.</summary>
        public bool Silent { get; set; }

        /// <summary>
        /// Hands what the modem sends to the reader in pieces of 1..<paramref name="maxPiece"/> bytes chosen from
        /// <paramref name="seed"/>, as a UART delivers them, so every answer arrives split somewhere new.
        /// </summary>
        public void SplitReads(int seed, int maxPiece)
        {
            lock (sync)
            {
                splits = new SeededSplits(seed, maxPiece);
            }
        }

        public int CommandCount
        {
            get
            {
                lock (sync)
                {
                    return commands.Count;
                }
            }
        }

        public int PayloadCount
        {
            get
            {
                lock (sync)
                {
                    return payloads.Count;
                }
            }
        }

        public static string OkReply
        {
            get { return Ok; }
        }

        /// <summary>Answers <paramref name="command"/> (exact, or a prefix ending in '*') with <paramref name="reply"/> every time; later rules win.</summary>
        public void On(string command, string reply)
        {
            Add(new ScriptRule(command, reply, null, false));
        }

        public void On(string command, CommandResponder responder)
        {
            Add(new ScriptRule(command, null, responder, false));
        }

        /// <summary>Answers the next matching command only; one-shot rules are used before standing ones, oldest first.</summary>
        public void Once(string command, string reply)
        {
            Add(new ScriptRule(command, reply, null, true));
        }

        public void Once(string command, CommandResponder responder)
        {
            Add(new ScriptRule(command, null, responder, true));
        }

        public void Inject(string text)
        {
            Inject(Utf8.GetBytes(text));
        }

        public void Inject(byte[] bytes)
        {
            lock (sync)
            {
                if (inbound.Write(bytes, 0, bytes.Length) != bytes.Length)
                {
                    throw new InvalidOperationException("scripted link inbound buffer full");
                }
            }

            arrived.Set();
        }

        public void InjectLater(string text, int delayMs)
        {
            new Thread(() =>
            {
                Thread.Sleep(delayMs);
                Inject(text);
            }).Start();
        }

        /// <summary>Takes the next <paramref name="count"/> written bytes as a payload, then answers <paramref name="reply"/>.</summary>
        public void ExpectPayload(int count, string reply)
        {
            lock (sync)
            {
                payload = new byte[count];
                payloadFilled = 0;
                afterPayload = reply;
                if (count == 0)
                {
                    FinishPayload();
                }
            }
        }

        public string Command(int index)
        {
            lock (sync)
            {
                return (string)commands[index];
            }
        }

        public long CommandTime(int index)
        {
            lock (sync)
            {
                return (long)commandTimes[index];
            }
        }

        public byte[] Payload(int index)
        {
            lock (sync)
            {
                return (byte[])payloads[index];
            }
        }

        public int IndexOf(string command)
        {
            lock (sync)
            {
                return commands.IndexOf(command);
            }
        }

        public int Count(string command)
        {
            int count = 0;
            lock (sync)
            {
                foreach (string seen in commands)
                {
                    if (seen == command)
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        public int CountStartingWith(string prefix)
        {
            int count = 0;
            lock (sync)
            {
                foreach (string seen in commands)
                {
                    if (seen.StartsWith(prefix))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        public bool Saw(string command)
        {
            return IndexOf(command) >= 0;
        }

        /// <summary>Hangs up: answers nothing more and wakes a waiting reader.</summary>
        public void Dispose()
        {
            Silent = true;
            arrived.Set();
        }

        public void ClearHistory()
        {
            lock (sync)
            {
                commands.Clear();
                commandTimes.Clear();
                payloads.Clear();
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            lock (sync)
            {
                if (inbound.Count > 0)
                {
                    return inbound.Read(buffer, offset, Piece(count));
                }
            }

            if (timeoutMs <= 0)
            {
                return 0;
            }

            arrived.WaitOne(timeoutMs, false);
            lock (sync)
            {
                return inbound.Read(buffer, offset, Piece(count));
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            lock (sync)
            {
                for (int i = offset; i < offset + count; i++)
                {
                    byte b = buffer[i];
                    if (payload != null)
                    {
                        payload[payloadFilled++] = b;
                        if (payloadFilled == payload.Length)
                        {
                            FinishPayload();
                        }
                    }
                    else if (b == 13)
                    {
                        string command = Utf8.Decode(line, 0, lineLength);
                        lineLength = 0;
                        Handle(command);
                    }
                    else if (b != 10 && lineLength < line.Length)
                    {
                        line[lineLength++] = b;
                    }
                }
            }
        }

        private int Piece(int count)
        {
            return splits == null ? count : splits.Next(count);
        }

        private void FinishPayload()
        {
            payloads.Add(payload);
            payload = null;
            if (!Silent)
            {
                Inject(afterPayload);
            }
        }

        private void Handle(string command)
        {
            commands.Add(command);
            commandTimes.Add(clock.MonotonicMs);
            if (Echo)
            {
                Inject(command + "\r");
            }

            if (Silent)
            {
                return;
            }

            ScriptRule rule = Find(command);
            if (rule == null)
            {
                Inject(UnknownReply);
            }
            else if (rule.Responder != null)
            {
                rule.Responder(this, command);
            }
            else
            {
                Inject(rule.Reply);
            }
        }

        private ScriptRule Find(string command)
        {
            foreach (ScriptRule rule in rules)
            {
                if (rule.Once && !rule.Used && rule.Matches(command))
                {
                    rule.Used = true;
                    return rule;
                }
            }

            for (int i = rules.Count - 1; i >= 0; i--)
            {
                var rule = (ScriptRule)rules[i];
                if (!rule.Once && rule.Matches(command))
                {
                    return rule;
                }
            }

            return null;
        }

        private void Add(ScriptRule rule)
        {
            lock (sync)
            {
                rules.Add(rule);
            }
        }
    }
}
