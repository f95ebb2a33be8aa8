using FollowerLoop.X;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

public sealed class GraphQlResponsesTests
{
    [Fact]
    public void ParseCreateTweet_RefusedPost_GivesTheErrorCodeAndNoId()
    {
        const string json = """
            {"errors":[{"message":"Authorization: Status is a duplicate. (187)","extensions":{"code":187,"kind":"Permissions"},"kind":"Permissions"}],"data":{}}
            """;

        var result = GraphQlResponses.ParseCreateTweet(json);

        Assert.Null(result.TweetId);
        Assert.Equal([new GraphQlError(187, "Authorization: Status is a duplicate. (187)")], result.Errors);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"data":{"create_tweet":{"tweet_results":{}}}}""")]
    public void ParseCreateTweet_UnreadableResponse_FailsClearly(string json) =>
        Assert.Throws<XPageFormatException>(() => GraphQlResponses.ParseCreateTweet(json));

    [Fact]
    public void ParseTimeline_WrappedPostInAConversationModule_IsRead()
    {
        const string json = """
            {"data":{"threaded_conversation_with_injections_v2":{"instructions":[{"type":"TimelineAddEntries","entries":[
              {"entryId":"conversationthread-9","content":{"items":[{"item":{"itemContent":{"tweet_results":{"result":{
                "__typename":"TweetWithVisibilityResults","tweet":{"rest_id":"42",
                  "core":{"user_results":{"result":{"core":{"screen_name":"someone"},"legacy":{}}}},
                  "legacy":{"reply_count":1,"retweet_count":2,"favorite_count":3,"bookmark_count":4}}}}}}}]}}]}]}}}
            """;

        var tweet = Assert.Single(GraphQlResponses.ParseTimeline(json));

        Assert.Equal(new ParsedTweet("someone", "42", new EngagementCounts(1, 2, 3, 4, null)), tweet);
    }

    [Fact]
    public void ParseUserByScreenName_GivesExactCounts()
    {
        const string json = """
            {"data":{"user":{"result":{"__typename":"User","rest_id":"1","core":{"screen_name":"someone"},
              "legacy":{"followers_count":393187,"friends_count":1017}}}}}
            """;

        var profile = GraphQlResponses.ParseUserByScreenName(json);

        Assert.Equal(new ParsedProfile("someone", new CompactNumber(393_187, true), new CompactNumber(1_017, true)), profile);
        Assert.True(profile.ToStats(DateTimeOffset.UnixEpoch).FollowersExact);
        Assert.Equal("UserByScreenName", GraphQlResponses.Identify(json));
    }

    [Fact]
    public void ParseUserByScreenName_NoSuchUser_IsXsAnswerNotAFormatProblem() =>
        Assert.Throws<XGraphQlErrorException>(() => GraphQlResponses.ParseUserByScreenName("""{"data":{"user":{}}}"""));

    [Fact]
    public void Identify_OtherResponse_IsNull() =>
        Assert.Null(GraphQlResponses.Identify("""{"data":{"home":{}}}"""));

    [Theory]
    [InlineData("""{"__typename":"TweetUnavailable","reason":"Protected"}""", XErrorKind.Protected)]
    [InlineData("""{"__typename":"TweetUnavailable","reason":"Suspended"}""", XErrorKind.Suspended)]
    [InlineData("""{"__typename":"TweetTombstone","tombstone":{"text":{"text":"This Post was deleted by the Post author. Learn more"}}}""", XErrorKind.NotFound)]
    public void WhyMissing_TheFocalPostUnavailable_SaysWhyInAnyLanguage(string result, XErrorKind kind)
    {
        var json = """
            {"data":{"threaded_conversation_with_injections_v2":{"instructions":[{"type":"TimelineAddEntries","entries":[
            {"entryId":"tweet-1888","content":{"entryType":"TimelineTimelineItem","itemContent":{"itemType":"TimelineTweet","tweet_results":{"result":RESULT}}}}]}]}}}
            """.Replace("RESULT", result, StringComparison.Ordinal);

        var why = GraphQlResponses.WhyMissing(json, "1888");

        Assert.Equal(kind, why?.Kind);
        Assert.False(why!.IsRetryable);
        Assert.Null(GraphQlResponses.WhyMissing(json, "1999"));
    }

    [Theory]
    [InlineData(144, XErrorKind.NotFound, false)]
    [InlineData(326, XErrorKind.Locked, false)]
    [InlineData(63, XErrorKind.Suspended, false)]
    [InlineData(88, XErrorKind.RateLimited, true)]
    [InlineData(131, XErrorKind.Unavailable, true)]
    [InlineData(999, XErrorKind.Other, false)]
    public void WhyMissing_ErrorsInsteadOfData_AreToldByXsCode(int code, XErrorKind kind, bool retryable)
    {
        var why = GraphQlResponses.WhyMissing($$$"""{"errors":[{"code":{{{code}}},"message":"m"}],"data":{}}""", "1888");

        Assert.Equal((kind, retryable), (why!.Kind, why.IsRetryable));
    }

    [Fact]
    public void ParseUserByScreenName_SuspendedOrMissingUser_IsToldApart()
    {
        var suspended = Assert.Throws<XGraphQlErrorException>(() => GraphQlResponses.ParseUserByScreenName(
            """{"data":{"user":{"result":{"__typename":"UserUnavailable","reason":"Suspended","message":"User is suspended"}}}}"""));
        var missing = Assert.Throws<XGraphQlErrorException>(() => GraphQlResponses.ParseUserByScreenName("""{"data":{"user":{}}}"""));

        Assert.Equal((XErrorKind.Suspended, XErrorKind.NotFound), (suspended.Kind, missing.Kind));
    }
}
