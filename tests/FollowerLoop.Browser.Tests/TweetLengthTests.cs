using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests;

public sealed class TweetLengthTests
{
    [Fact]
    public void Check_280LatinCharacters_IsAcceptable()
    {
        var check = TweetLength.Check(new string('a', 280));

        Assert.True(check.IsAcceptable);
        Assert.Equal(280, check.WeightedLength);
    }

    [Fact]
    public void Check_281LatinCharacters_IsRefusedWithTheReason()
    {
        var check = TweetLength.Check(new string('a', 281));

        Assert.False(check.IsAcceptable);
        Assert.Contains("281", check.Problem, StringComparison.Ordinal);
        Assert.Contains("280", check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    public void Check_EmptyText_IsRefused(string text) => Assert.False(TweetLength.Check(text).IsAcceptable);

    [Theory]
    [InlineData("see https://example.com/a/very/long/path/that/goes/on/and/on?with=query", 4 + 23)]
    [InlineData("see www.example.com.", 4 + 23 + 1)]
    [InlineData("see example.com/x", 4 + 23)]
    [InlineData("mail me@example.com", 19)]
    [InlineData("a http://x.co b https://y.io", 2 + 23 + 3 + 23)]
    public void Measure_Urls_Count23(string text, int expected) => Assert.Equal(expected, TweetLength.Measure(text));

    [Theory]
    [InlineData("日本語", 6)]
    [InlineData("café", 4)]
    [InlineData("“quoted” — dash…", 17)]
    [InlineData("😀", 2)]
    [InlineData("👨‍👩‍👧‍👦", 2)]
    [InlineData("🇫🇷", 2)]
    [InlineData("👍🏽", 2)]
    [InlineData("1️⃣", 2)]
    [InlineData("❤️", 2)]
    public void Measure_CjkAndEmoji_WeighTwo(string text, int expected) => Assert.Equal(expected, TweetLength.Measure(text));

    [Fact]
    public void Check_140CjkCharacters_IsTheLimit()
    {
        Assert.True(TweetLength.Check(new string('字', 140)).IsAcceptable);
        Assert.False(TweetLength.Check(new string('字', 141)).IsAcceptable);
    }
}
