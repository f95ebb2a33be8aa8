using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

public sealed class ActionBarLabelTests
{
    [Fact]
    public void Parse_FullLabelWithStateWords_ReadsEveryCount() =>
        Assert.Equal(
            new EngagementCounts(499, 4027, 7120, 2358, 9281975),
            ActionBarLabel.Parse("499 replies, 4027 reposts, Reposted, 7120 likes, Liked, 2358 bookmarks, Bookmarked, 9281975 views"));

    [Fact]
    public void Parse_SingularForms_AreCounted() =>
        Assert.Equal(new EngagementCounts(1, 1, 1, 1, 1), ActionBarLabel.Parse("1 reply, 1 repost, 1 like, 1 bookmark, 1 view"));

    [Fact]
    public void Parse_AbsentCounts_AreZeroButAbsentViewsUnknown() =>
        Assert.Equal(new EngagementCounts(0, 7, 0, 0, null), ActionBarLabel.Parse("7 reposts"));

    [Fact]
    public void Parse_EmptyLabel_IsAllZeroWithViewsUnknown() =>
        Assert.Equal(new EngagementCounts(0, 0, 0, 0, null), ActionBarLabel.Parse(""));

    [Fact]
    public void Parse_LargeCounts_AreExact() =>
        Assert.Equal(9_281_975, ActionBarLabel.Parse("9281975 likes").Likes);

    [Fact]
    public void Parse_CountOfAKindNotRead_IsSkipped() =>
        Assert.Equal(new EngagementCounts(2, 0, 5, 0, null), ActionBarLabel.Parse("2 replies, 3 quotes, 5 likes"));

    // x.com writes the label in the account's language; absent-means-zero holds only for a known one.
    [Theory]
    [InlineData("3 respuestas, 37 Me gusta")]
    [InlineData("3 Antworten, 12 Reposts")]
    [InlineData("12 replies, 4 likes, Gefällt mir")]
    [InlineData("2 replies, 9 réponses")]
    [InlineData("6 Antworten, 4 Reposts, 42 „Gefällt mir“-Angaben, 3 Lesezeichen, 5.004 Mal angezeigt")]
    [InlineData("6 replies, 5.004 views")]
    public void Parse_LabelInALanguageItDoesNotKnow_IsUnknownNeverZero(string label) =>
        Assert.Equal(EngagementCounts.Unknown, ActionBarLabel.Parse(label));

    [Theory]
    [InlineData("12 replies, 1.2K likes")]
    [InlineData("12 replies, 3x likes")]
    [InlineData("1,234 likes")]
    [InlineData("12 replies,3 likes 4 views")]
    [InlineData("12")]
    [InlineData("2 likes, 3 likes")]
    public void Parse_MalformedLabel_FailsClearly(string label)
    {
        var error = Assert.Throws<XPageFormatException>(() => ActionBarLabel.Parse(label));

        Assert.Contains(label, error.Message, StringComparison.Ordinal);
    }
}
