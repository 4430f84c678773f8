namespace CellularIot.At
{
    using System;

    /// <summary>
    /// The answer to one execution of an <see cref="AtCommand"/>: its outcome, the error code and text of a
    /// failed command, the information lines that belong to it, and how many raw bytes were read. Lines live in
    /// a fixed store sized when the command is created; it is reused by every execution of the command, so
    /// read what you need before executing the command again.
    /// </summary>
    public sealed class AtResponse
    {
        private readonly byte[] store;
        private readonly int[] starts;
        private readonly int[] lengths;
        private int used;
        private int lineCount;
        private bool overflowed;

        /// <summary>Creates an empty response with room for <paramref name="capacity"/> bytes in <paramref name="maxLines"/> lines.</summary>
        public AtResponse(int capacity, int maxLines)
        {
            if (capacity < 0 || maxLines < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "sizes cannot be negative");
            }

            store = new byte[capacity];
            starts = new int[maxLines];
            lengths = new int[maxLines];
            ErrorCode = -1;
        }

        /// <summary>How the command ended.</summary>
        public AtOutcome Outcome { get; private set; }

        /// <summary>The number of a numeric <c>+CME/+CMS ERROR</c>, otherwise -1.</summary>
        public int ErrorCode { get; private set; }

        /// <summary>The text of a failed final result (<c>SIM not inserted</c>, <c>10</c>, <c>ERROR</c>); null unless the command failed.</summary>
        public string ErrorText { get; private set; }

        /// <summary>True when the outcome is <see cref="AtOutcome.Ok"/>.</summary>
        public bool IsOk
        {
            get { return Outcome == AtOutcome.Ok; }
        }

        /// <summary>Information lines that matched the command, in arrival order.</summary>
        public int LineCount
        {
            get { return lineCount; }
        }

        /// <summary>True when no final result came after the payload and the quiet time the command allows counted as OK.</summary>
        public bool FinalMissing { get; private set; }

        /// <summary>Raw bytes written into the command's raw buffer.</summary>
        public int RawCount { get; internal set; }

        /// <summary>Line <paramref name="index"/> as text (printable ASCII; other bytes shown as '?').</summary>
        public string GetLine(int index)
        {
            CheckIndex(index);
            return AtText.ToPrintable(store, starts[index], lengths[index]);
        }

        /// <summary>Field <paramref name="field"/> of line <paramref name="index"/> as an integer (see <see cref="AtFields"/>).</summary>
        public bool TryGetInt(int index, int field, out int value)
        {
            CheckIndex(index);
            return AtFields.TryGetInt(store, starts[index], lengths[index], field, out value);
        }

        /// <summary>Field <paramref name="field"/> of line <paramref name="index"/> without quotes, or null when missing.</summary>
        public string GetField(int index, int field)
        {
            CheckIndex(index);
            return AtFields.GetString(store, starts[index], lengths[index], field);
        }

        /// <summary>Clears everything for a new execution.</summary>
        internal void Reset()
        {
            used = 0;
            lineCount = 0;
            overflowed = false;
            RawCount = 0;
            FinalMissing = false;
            Outcome = AtOutcome.None;
            ErrorCode = -1;
            ErrorText = null;
        }

        /// <summary>Keeps a matched line; a line that does not fit marks the response malformed.</summary>
        internal void AddLine(byte[] line, int count)
        {
            if (lineCount == starts.Length || count > store.Length - used)
            {
                overflowed = true;
                return;
            }

            Array.Copy(line, 0, store, used, count);
            starts[lineCount] = used;
            lengths[lineCount] = count;
            lineCount++;
            used += count;
        }

        /// <summary>Marks the answer as breaking the command's limits, whatever final result follows.</summary>
        internal void MarkMalformed()
        {
            overflowed = true;
        }

        /// <summary>Records the final result; an error's code and text are read only here, so OK costs nothing.</summary>
        internal void Finish(AtOutcome kind, byte[] line, int count)
        {
            if (kind == AtOutcome.Ok)
            {
                Outcome = overflowed ? AtOutcome.Malformed : AtOutcome.Ok;
                return;
            }

            Outcome = kind;
            int code;
            ErrorCode = FinalResult.TryGetCode(line, 0, count, out code) ? code : -1;
            string text = FinalResult.GetText(line, 0, count);
            ErrorText = text != null ? text : AtText.ToPrintable(line, 0, count);
        }

        /// <summary>Records OK for a final result the modem left out after a payload.</summary>
        internal void FinishMissingFinal()
        {
            FinalMissing = true;
            Outcome = overflowed ? AtOutcome.Malformed : AtOutcome.Ok;
        }

        /// <summary>Records that no final result came in time.</summary>
        internal void FinishTimeout()
        {
            Outcome = AtOutcome.Timeout;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= lineCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index), "no such response line");
            }
        }
    }
}
