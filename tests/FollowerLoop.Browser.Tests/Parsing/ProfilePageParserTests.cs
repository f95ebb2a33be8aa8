using FollowerLoop.X;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

public sealed class ProfilePageParserTests
{
    [Fact]
    public void Parse_HandleGivenInAnotherCase_FindsTheCountLinks()
    {
        var profile = ProfilePageParser.Parse(SavedPages.Read("rvinowise__Parse_twitter_user_briefing__1.html"), "britisharmy");

        Assert.Equal(393_200, profile.Followers?.Value);
        Assert.Equal(1_017, profile.Following?.Value);
    }

    [Fact]
    public void Parse_HeaderWithoutCountLinks_GivesUnknownCounts()
    {
        var profile = ProfilePageParser.Parse(Header("me", followers: null, following: null), "me");

        Assert.Equal(new ParsedProfile("me", null, null), profile);
        Assert.Null(profile.ToStats(DateTimeOffset.UnixEpoch).Followers);
    }

    [Fact]
    public void Parse_PlainFollowersLink_IsTheFallback()
    {
        var html = Header("me", followers: "12.3K Followers", following: "7 Following").Replace("/verified_followers", "/followers", StringComparison.Ordinal);

        Assert.Equal(new CompactNumber(12_300, IsExact: false), ProfilePageParser.Parse(html).Followers);
    }

    [Fact]
    public void Parse_HandleReadFromTheHeader() =>
        Assert.Equal("someone_1", ProfilePageParser.Parse(Header("someone_1", "3 Followers", "4 Following")).Handle);

    [Fact]
    public void Parse_CountsInALanguageItDoesNotRead_AreUnknownNeverZero() =>
        Assert.Equal(new ParsedProfile("me", null, null), ProfilePageParser.Parse(Header("me", "393,2 mil Seguidores", "1.017 Gefolgt")));

    [Fact]
    public void Parse_GermanThousandsUnderAnEnglishLookingWord_AreUnknownNotTwelve() =>
        // German writes 12,345 as "12.345" and uses English's singular "Follower": it must not read as 12 or 12.345.
        Assert.Equal(new ParsedProfile("me", null, null), ProfilePageParser.Parse(Header("me", "12.345 Follower", "1.017 Folge ich")));

    [Fact]
    public void Parse_MalformedCountText_FailsClearly()
    {
        var error = Assert.Throws<XPageFormatException>(() => ProfilePageParser.Parse(Header("me", "many Followers", "4 Following")));

        Assert.Contains("many Followers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoProfileAndNoHandle_Fails() =>
        Assert.Throws<XPageFormatException>(() => ProfilePageParser.Parse("<main><p>Hmm...this page doesn't exist.</p></main>"));

    [Fact]
    public void ToStats_RoundedFollowers_AreMarkedInexact()
    {
        var stats = new ParsedProfile("me", new CompactNumber(12_300, false), new CompactNumber(7, true)).ToStats(DateTimeOffset.UnixEpoch);

        Assert.Equal(new ProfileStats("me", 12_300, 7, FollowersExact: false, DateTimeOffset.UnixEpoch), stats);
    }

    private static string Header(string handle, string? followers, string? following) =>
        $"""
        <div data-testid="UserName"><span>Some Name</span><span>@{handle}</span></div>
        {(following is null ? "" : $"<a href=\"/{handle}/following\"><span>{following.Split(' ')[0]}</span> <span>{following.Split(' ')[1]}</span></a>")}
        {(followers is null ? "" : $"<a href=\"/{handle}/verified_followers\"><span>{followers.Split(' ')[0]}</span> <span>{followers.Split(' ')[1]}</span></a>")}
        """;
}
