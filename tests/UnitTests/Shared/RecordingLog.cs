namespace CellularIot.Tests.Support
{
    using System.Collections;
    using CellularIot.Support;

    /// <summary>
    /// A log that keeps its lines for assertions, the one log every device test uses. Lines may come from the
    /// test's thread and from the AT layer's URC thread at once, so every access takes the lock.
    /// </summary>
    public sealed class RecordingLog : ILog
    {
        private readonly ArrayList lines = new ArrayList();

        /// <summary>Every line so far, each prefixed "info: " or "warn: " and ended with a line feed.</summary>
        public string All
        {
            get
            {
                lock (lines)
                {
                    string all = string.Empty;
                    for (int i = 0; i < lines.Count; i++)
                    {
                        all += (string)lines[i] + "\n";
                    }

                    return all;
                }
            }
        }

        /// <summary>True when a line holds <paramref name="text"/>.</summary>
        public bool Contains(string text)
        {
            lock (lines)
            {
                for (int i = 0; i < lines.Count; i++)
                {
                    if (((string)lines[i]).Contains(text))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <inheritdoc/>
        public void Info(string message)
        {
            Add("info: " + message);
        }

        /// <inheritdoc/>
        public void Warn(string message)
        {
            Add("warn: " + message);
        }

        private void Add(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
