namespace CellularIot.Tests.Cloud.Mqtt.Support
{
    using System.Collections;
    using CellularIot.Support;

    /// <summary>Keeps every log line, so tests can check what was (and was not) logged.</summary>
    public class RecordingLog : ILog
    {
        /// <summary>Every line, prefixed "I " or "W ".</summary>
        public ArrayList Lines { get; } = new ArrayList();

        /// <inheritdoc/>
        public void Info(string message)
        {
            Lines.Add("I " + message);
        }

        /// <inheritdoc/>
        public void Warn(string message)
        {
            Lines.Add("W " + message);
        }

        /// <summary>All lines joined, for Contains checks.</summary>
        public string All()
        {
            string all = string.Empty;
            for (int i = 0; i < Lines.Count; i++)
            {
                all += (string)Lines[i] + "\n";
            }

            return all;
        }
    }
}
