using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

/// <summary>
/// The real GraphQL responses in tests/fixtures/x-graphql, old schema and new (August 2026: no <c>legacy</c> on
/// users), with the exact numbers their README lists; and the error answers x.com sends with HTTP 200.
/// </summary>
public sealed class SavedGraphQlTests
{
    [Fact]
    public void UserByScreenName_OfAugust2026_GivesExactCountsFromRelationshipCounts()
    {
        var json = File.ReadAllText(SavedXFixtures.UserByLogin);

        var profile = GraphQlResponses.ParseUserByScreenName(json);

        Assert.Equal("UserByScreenName", GraphQlResponses.Identify(json));
        Assert.Equal(("XDevelopers", 695_695L, 762L, true), (profile.Handle, profile.Followers!.Value.Value, profile.Following!.Value.Value, profile.Followers.Value.IsExact));
    }

    [Fact]
    public void UserTweets_OfAugust2026_GivesEveryPost_ARepostStandingForTheOriginal()
    {
        var json = File.ReadAllText(SavedXFixtures.UserTweets);

        var posts = GraphQlResponses.ParseTimeline(json);

        Assert.Equal("UserTweets", GraphQlResponses.Identify(json));
        Assert.Equal(posts.Count, posts.Select(p => p.TweetId).Distinct().Count());
        var pinned = Assert.Single(posts, p => p.TweetId == "2019881223666233717");
        Assert.Equal(new EngagementCounts(Replies: 783, Reposts: 832, Likes: 5569, Bookmarks: 2810, Views: 2_525_462), pinned.Counts);
        // The repost wrapper's own counts are zeros; the original's are the post's.
        var reposted = Assert.Single(posts, p => p.TweetId == "2083289084567724316");
        // (The README lists them as favorite/retweet/reply/quote/bookmark: 674/31/44/13/117.)
        Assert.Equal(new EngagementCounts(Replies: 44, Reposts: 31, Likes: 674, Bookmarks: 117, Views: 104_358), reposted.Counts);
    }

    [Fact]
    public void TweetDetail_Conversation_GivesEveryPostWithExactCounts()
    {
        var posts = GraphQlResponses.ParseTimeline(File.ReadAllText(SavedXFixtures.TweetDetails));

        Assert.Equal(new EngagementCounts(Replies: 100, Reposts: 220, Likes: 453, Bookmarks: 73, Views: 935_947), Assert.Single(posts, p => p.TweetId == "1649191520250245121").Counts);
        Assert.Equal(new EngagementCounts(Replies: 8, Reposts: 49, Likes: 77, Bookmarks: 14, Views: 212_317), Assert.Single(posts, p => p.TweetId == "1649191521323995138").Counts);
    }

    [Fact]
    public void SearchTimeline_IsRead_AndAPostWithoutViewCountHasUnknownViews()
    {
        const string json = """
            {"data":{"search_by_raw_query":{"search_timeline":{"timeline":{"instructions":[{"type":"TimelineAddEntries","entries":[
              {"entryId":"tweet-7","content":{"itemContent":{"tweet_results":{"result":{"__typename":"Tweet","rest_id":"7",
                "core":{"user_results":{"result":{"core":{"screen_name":"someone"}}}},"views":{"state":"Enabled"},
                "legacy":{"reply_count":0,"retweet_count":1,"favorite_count":2,"bookmark_count":0}}}}}},
              {"entryId":"cursor-bottom-1","content":{"value":"x"}}]}]}}}}}
            """;

        var post = Assert.Single(GraphQlResponses.ParseTimeline(json));

        Assert.Equal("SearchTimeline", GraphQlResponses.Identify(json));
        Assert.Equal(new EngagementCounts(0, 1, 2, 0, Views: null), post.Counts);
    }

    [Fact]
    public void ATombstoneInAConversation_IsSkipped_TheOtherPostsRead()
    {
        const string json = """
            {"data":{"threaded_conversation_with_injections_v2":{"instructions":[{"type":"TimelineAddEntries","entries":[
              {"entryId":"tweet-7","content":{"itemContent":{"tweet_results":{"result":{"__typename":"Tweet","rest_id":"7",
                "core":{"user_results":{"result":{"core":{"screen_name":"someone"}}}},
                "legacy":{"reply_count":1,"retweet_count":0,"favorite_count":2,"bookmark_count":0}}}}}},
              {"entryId":"conversationthread-8","content":{"items":[{"item":{"itemContent":{"tweet_results":{"result":{
                "__typename":"TweetTombstone","tombstone":{"text":{"text":"This Post was deleted by the Post author."}}}}}}}]}}]}]}}}
            """;

        Assert.Equal("7", Assert.Single(GraphQlResponses.ParseTimeline(json)).TweetId);
    }

    [Theory]
    [InlineData("""{"errors":[{"message":"Rate limit exceeded.","code":88,"kind":"Permissions","name":"AuthorizationError"}]}""", 88, true)]
    [InlineData("""{"errors":[{"message":"_Missing: No status found with that ID.","code":144,"kind":"NonFatal"}],"data":{}}""", 144, false)]
    [InlineData("""{"errors":[{"message":"To protect our users from spam and other malicious activity, this account is temporarily locked.","extensions":{"code":326},"bounce_location":"https://x.com/account/access"}]}""", 326, false)]
    public void ErrorsInsteadOfData_AreXsAnswer_WithItsCode_NeverCounts(string json, int code, bool retryable)
    {
        var user = Assert.Throws<XGraphQlErrorException>(() => GraphQlResponses.ParseUserByScreenName(json));
        var timeline = Assert.Throws<XGraphQlErrorException>(() => GraphQlResponses.ParseTimeline(json));

        Assert.Equal(code, Assert.Single(user.Errors).Code);
        Assert.Equal((retryable, retryable), (user.IsRetryable, timeline.IsRetryable));
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), user.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"data":{}}""", "No such user")]
    [InlineData("""{"data":{"user":{"result":{"__typename":"UserUnavailable","reason":"Suspended"}}}}""", "User unavailable: Suspended")]
    public void MissingOrSuspendedUser_IsAnErrorNotZeroFollowers(string json, string message)
    {
        var error = Assert.Throws<XGraphQlErrorException>(() => GraphQlResponses.ParseUserByScreenName(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public void AUserWithNeitherSchemasCounts_IsAFormatProblem_NotZero()
    {
        const string json = """{"data":{"user":{"result":{"__typename":"User","core":{"screen_name":"someone"}}}}}""";

        Assert.Throws<XPageFormatException>(() => GraphQlResponses.ParseUserByScreenName(json));
    }
}
