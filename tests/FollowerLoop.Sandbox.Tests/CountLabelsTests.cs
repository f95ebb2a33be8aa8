using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Tests;

public sealed class CountLabelsTests
{
    [Theory]
    [InlineData(12, 3, 1234, 5, 45678, "12 replies, 3 reposts, 1234 likes, 5 bookmarks, 45678 views")]
    [InlineData(0, 1, 0, 0, 2, "1 repost, 2 views")]
    [InlineData(1, 0, 1, 0, 11, "1 reply, 1 like, 11 views")]
    [InlineData(0, 0, 0, 1, 1, "1 bookmark, 1 view")]
    [InlineData(0, 0, 0, 0, 9, "9 views")]
    [InlineData(0, 0, 0, 0, 0, "")]
    public void Group_LeavesOutZerosAndUsesSingulars(long replies, long reposts, long likes, long bookmarks, long views, string expected) =>
        Assert.Equal(expected, CountLabels.English.Group(new XComEngagementCounts(replies, reposts, likes, bookmarks, views)));

    [Fact]
    public void Buttons_SayWhatXcomSays()
    {
        Assert.Equal("48 Replies. Reply", CountLabels.English.ReplyButton(48));
        Assert.Equal("1 Reply. Reply", CountLabels.English.ReplyButton(1));
        Assert.Equal("0 Replies. Reply", CountLabels.English.ReplyButton(0));
        Assert.Equal("152 reposts. Repost", CountLabels.English.RepostButton(152));
        Assert.Equal("1 repost. Repost", CountLabels.English.RepostButton(1));
        Assert.Equal("553 Likes. Like", CountLabels.English.LikeButton(553));
        Assert.Equal("1 Like. Like", CountLabels.English.LikeButton(1));
        Assert.Equal("9 Bookmarks. Bookmark", CountLabels.English.BookmarkButton(9, focal: true));
        Assert.Equal("Bookmark", CountLabels.English.BookmarkButton(9, focal: false));
        Assert.Equal("Bookmark", CountLabels.English.BookmarkButton(0, focal: true));
        Assert.Equal("2596467 views. View post analytics", CountLabels.English.AnalyticsLink(2596467));
        Assert.Equal("View post analytics", CountLabels.English.AnalyticsLink(0));
    }

    [Theory]
    [InlineData(3, 5, 37, 2, 1234, "3 Antworten, 5 Reposts, 37 „Gefällt mir“-Angaben, 2 Lesezeichen, 1.234 Mal angezeigt")]
    [InlineData(1, 1, 1, 1, 1, "1 Antwort, 1 Repost, 1 „Gefällt mir“-Angabe, 1 Lesezeichen, 1 Mal angezeigt")]
    [InlineData(0, 0, 12345, 0, 2596467, "12.345 „Gefällt mir“-Angaben, 2.596.467 Mal angezeigt")]
    public void German_Group_UsesGermanWordsAndThousandsSeparators(long replies, long reposts, long likes, long bookmarks, long views, string expected) =>
        Assert.Equal(expected, CountLabels.German.Group(new XComEngagementCounts(replies, reposts, likes, bookmarks, views)));

    [Fact]
    public void German_ButtonsAndProfileSayWhatXcomsGermanInterfaceSays()
    {
        Assert.Equal("3 Antworten. Antworten", CountLabels.German.ReplyButton(3));
        Assert.Equal("1 Antwort. Antworten", CountLabels.German.ReplyButton(1));
        Assert.Equal("1.234 Reposts. Reposten", CountLabels.German.RepostButton(1234));
        Assert.Equal("37 „Gefällt mir“-Angaben. Gefällt mir", CountLabels.German.LikeButton(37));
        Assert.Equal("2 Lesezeichen. Lesezeichen", CountLabels.German.BookmarkButton(2, focal: true));
        Assert.Equal("1.234 Mal angezeigt. Beitragsanalysen anzeigen", CountLabels.German.AnalyticsLink(1234));
        Assert.Equal("12.345", CountLabels.German.Compact(12_345));
        Assert.Equal("1,2 Mio.", CountLabels.German.Compact(1_234_567));
        Assert.Equal("Follower", CountLabels.German.FollowersWord(1));
        Assert.Equal("Folge ich", CountLabels.German.FollowingWord);
        Assert.Equal("2.455", CountLabels.German.ActionBarCount(2455));
    }
}
