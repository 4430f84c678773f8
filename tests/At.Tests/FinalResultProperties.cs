using System.Globalization;
using System.Text;
using CsCheck;
using Xunit;

namespace CellularIot.At.Tests;

/// <summary>The final-result parser fed random lines: numeric and verbose errors round-trip, garbage never throws.</summary>
public sealed class FinalResultProperties
{
    [Fact]
    public void GarbageNeverThrowsAndTextExistsOnlyForFinals()
    {
        Gen.Byte.Array[0, 200].Sample(line =>
        {
            AtOutcome kind = FinalResult.Classify(line, 0, line.Length);
            string? text = FinalResult.GetText(line, 0, line.Length);
            bool numeric = FinalResult.TryGetCode(line, 0, line.Length, out _);
            Assert.Equal(kind == AtOutcome.None, text is null);
            Assert.True(!numeric || kind is AtOutcome.CmeError or AtOutcome.CmsError);
        });
    }

    [Fact]
    public void NumericErrorsRoundTrip()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Bool).Sample((code, cms) =>
        {
            string digits = code.ToString(CultureInfo.InvariantCulture);
            byte[] line = Encoding.ASCII.GetBytes((cms ? "+CMS ERROR: " : "+CME ERROR: ") + digits);
            Assert.Equal(cms ? AtOutcome.CmsError : AtOutcome.CmeError, FinalResult.Classify(line, 0, line.Length));
            Assert.True(FinalResult.TryGetCode(line, 0, line.Length, out int parsed));
            Assert.Equal(code, parsed);
            Assert.Equal(digits, FinalResult.GetText(line, 0, line.Length));
        });
    }

    [Fact]
    public void VerboseErrorsRoundTrip()
    {
        var words = Gen.Char['a', 'z'].Array[1, 12].Select(chars => new string(chars)).Array[1, 5].Select(parts => string.Join(' ', parts));
        words.Sample(text =>
        {
            byte[] line = Encoding.ASCII.GetBytes("+CME ERROR: " + text);
            Assert.Equal(AtOutcome.CmeError, FinalResult.Classify(line, 0, line.Length));
            Assert.False(FinalResult.TryGetCode(line, 0, line.Length, out _));
            Assert.Equal(text, FinalResult.GetText(line, 0, line.Length));
        });
    }

    [Fact]
    public void OtherLinesAreNotFinals()
    {
        var lines = Gen.Char[' ', '~'].Array[0, 40].Select(chars => new string(chars))
            .Where(text => text.TrimEnd(' ') is not ("OK" or "ERROR") && !text.StartsWith("+CME ERROR:", StringComparison.Ordinal) && !text.StartsWith("+CMS ERROR:", StringComparison.Ordinal));
        lines.Sample(text =>
        {
            byte[] line = Encoding.ASCII.GetBytes(text);
            Assert.Equal(AtOutcome.None, FinalResult.Classify(line, 0, line.Length));
        });
    }
}
