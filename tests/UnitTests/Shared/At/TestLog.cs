namespace CellularIot.Tests.At
{
    using System.Collections;
    using CellularIot.Support;

    /// <summary>Keeps what was logged so tests can look for it.</summary>
    public sealed class TestLog : ILog
    {
        private readonly ArrayList lines = new ArrayList();

        public void Info(string message)
        {
            Add("info: " + message);
        }

        public void Warn(string message)
        {
            Add("warn: " + message);
        }

        public bool Contains(string text)
        {
            lock (lines)
            {
                foreach (string line in lines)
                {
                    if (line.Contains(text))
                    {
                        return true;
                    }
                }
            }

            return false;
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
