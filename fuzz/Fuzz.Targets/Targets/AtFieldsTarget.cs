using System.Text;
using CellularIot.At;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The AT field readers and final-result parser on any line: no exception for a valid range, fields lie inside
/// the line, a field is found exactly when its index is below the count, and a text field reads back as found.
/// </summary>
public sealed class AtFieldsTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "at-fields";

    /// <inheritdoc/>
    public string Description => "AtFields, FinalResult, AtText: fields, numbers, quoted text, final results";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        foreach (string line in new[]
        {
            "+CSQ: 20,99", "+CCLK: \"24/11/28,13:44:22+04\"", "+CAOPEN: 0,0", "+CME ERROR: 10", "+CME ERROR: SIM busy",
            "ERROR", "OK", "+CEREG: 2,5,\"1A2B\",\"01A2B3C4\",9", "+CNACT: 0,1,\"10.1.2.3\"", "+CARECV: 5,hello", "+CMS ERROR: 500",
            "+CGNSINF: 1,,,-,\"\",,", "NO CARRIER", "+CPIN: READY", "+CSQ: -1,2147483648",
        })
        {
            yield return [3, 1, .. Encoding.Latin1.GetBytes(line)];
        }
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int index = input.Below(12) - 1;
        int trim = input.Below(4);
        byte[] line = input.Rest();
        int offset = Math.Min(trim, line.Length);
        int count = line.Length - offset;

        int fields = AtFields.Count(line, offset, count);
        int commas = AtFields.CountCommas(line, offset, count);
        FuzzFindingException.Check(fields == 0 || fields == commas + 1, $"{fields} fields and {commas} commas");
        int payload = AtFields.PayloadStart(line, offset, count);
        FuzzFindingException.Check(payload >= offset && payload <= offset + count, "payload start outside the line");
        bool found = AtFields.TryFind(line, offset, count, index, out int start, out int length);
        FuzzFindingException.Check(found == (index >= 0 && index < fields), $"field {index} of {fields} found: {found}");
        FuzzFindingException.Check(!found || (start >= offset && length >= 0 && start + length <= offset + count), "field outside the line");
        AtFields.TryGetInt(line, offset, count, index, out _);
        string text = AtFields.GetString(line, offset, count, index);
        FuzzFindingException.Check(found == (text != null), "GetString and TryFind disagree");

        AtOutcome outcome = FinalResult.Classify(line, offset, count);
        if (FinalResult.TryGetCode(line, offset, count, out int code))
        {
            FuzzFindingException.Check(outcome != AtOutcome.Ok, "an OK with an error code " + code);
        }

        FinalResult.GetText(line, offset, count);
        string printable = AtText.ToPrintable(line, offset, count);
        FuzzFindingException.Check(printable.All(c => c >= 0x20 && c < 0x7F), "ToPrintable left an unprintable character");
        AtText.StartsWith(line, offset, count, "+C");
        AtText.IsExactly(line, offset, count, "OK");
    }
}
