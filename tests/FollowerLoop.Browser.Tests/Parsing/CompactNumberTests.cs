using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

public sealed class CompactNumberTests
{
    [Theory]
    [InlineData("12", 12, true)]
    [InlineData("0", 0, true)]
    [InlineData("1,017", 1_017, true)]
    [InlineData("12,345,678", 12_345_678, true)]
    [InlineData("1.2K", 1_200, false)]
    [InlineData("393.2K", 393_200, false)]
    [InlineData("10K", 10_000, false)]
    [InlineData("2.4M", 2_400_000, false)]
    [InlineData("45.3M", 45_300_000, false)]
    [InlineData("1.5B", 1_500_000_000, false)]
    [InlineData(" 7 ", 7, true)]
    public void Parse_DisplayedCount_GivesValueAndExactness(string text, long value, bool isExact) =>
        Assert.Equal(new CompactNumber(value, isExact), CompactNumber.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("K")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("1.2.3K")]
    [InlineData("1,01")]
    [InlineData("1,0000")]
    [InlineData(",100")]
    [InlineData("12K5")]
    [InlineData("1.2X")]
    [InlineData("1.2 K")]
    [InlineData("99999999999999999999")]
    [InlineData("9999999999B")]
    public void Parse_MalformedText_FailsWithTheTextInTheMessage(string text)
    {
        var error = Assert.Throws<FormatException>(() => CompactNumber.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.False(CompactNumber.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Null_IsFalse() => Assert.False(CompactNumber.TryParse(null, out _));
}
