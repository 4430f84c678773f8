using CsCheck;
using Xunit;

namespace CellularIot.At.Tests;

/// <summary>Random bytes and random ranges: nothing escapes but the argument errors the methods declare.</summary>
public sealed class DeclaredErrorsProperties
{
    [Fact]
    public void FieldReadersNeverThrowOnGarbage()
    {
        Gen.Select(Gen.Byte.Array[0, 120], Gen.Int[-1, 8]).Sample((line, index) =>
        {
            int count = AtFields.Count(line, 0, line.Length);
            int commas = AtFields.CountCommas(line, 0, line.Length);
            Assert.True(count == 0 || count == commas + 1);
            bool found = AtFields.TryFind(line, 0, line.Length, index, out int start, out int length);
            Assert.Equal(found, index >= 0 && index < count);
            Assert.True(!found || (start >= 0 && start + length <= line.Length));
            AtFields.TryGetInt(line, 0, line.Length, index, out _);
            string? text = AtFields.GetString(line, 0, line.Length, index);
            Assert.Equal(found, text is not null);
        });
    }

    [Fact]
    public void BadRangesRaiseOnlyArgumentErrors()
    {
        Gen.Select(Gen.Byte.Array[0, 64], Gen.Int[-5, 80], Gen.Int[-5, 80]).Sample((data, offset, count) =>
        {
            bool valid = offset >= 0 && count >= 0 && offset <= data.Length - count;
            var framer = new LineFramer(16, new CollectingSink());
            AssertOnlyArgumentErrors(valid, () => framer.Feed(data, offset, count));
            AssertOnlyArgumentErrors(valid, () => AtText.ToPrintable(data, offset, count));
        });
    }

    private static void AssertOnlyArgumentErrors(bool valid, Action action)
    {
        if (valid)
        {
            action();
        }
        else
        {
            Assert.ThrowsAny<ArgumentException>(action);
        }
    }
}
