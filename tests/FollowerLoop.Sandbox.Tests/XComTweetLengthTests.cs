using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Tests;

public sealed class XComTweetLengthTests
{
    [Theory]
    [InlineData("hello", 5)]
    [InlineData("see https://example.com/a/very/long/path/that/goes/on/and/on", 27)]
    [InlineData("example.com", 23)]
    [InlineData("日本語", 6)]
    [InlineData("🚀", 2)]
    [InlineData("👩‍👩‍👧‍👦", 2)]
    [InlineData("🇺🇦", 2)]
    [InlineData("café", 4)]
    [InlineData("“quoted” — dash", 15)]
    public void Weighted_CountsLikeXcom(string text, int expected) => Assert.Equal(expected, XComTweetLength.Weighted(text));
}
