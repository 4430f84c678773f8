namespace CellularIot.Tests.Support
{
    using System.Collections;
    using CellularIot.Support;

    /// <summary>A log that keeps its lines for assertions.</summary>
    public class RecordingLog : ILog
    {
        private readonly ArrayList lines = new ArrayList();

        /// <summary>Every line so far, each prefixed "info: " or "warn: ".</summary>
        public string All
        {
            get
            {
                string all = string.Empty;
                for (int i = 0; i < lines.Count; i++)
                {
                    all += (string)lines[i] + "\n";
                }

                return all;
            }
        }

        /// <inheritdoc/>
        public void Info(string message)
        {
            lines.Add("info: " + message);
        }

        /// <inheritdoc/>
        public void Warn(string message)
        {
            lines.Add("warn: " + message);
        }
    }
}
