using FollowerLoop.X;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

/// <summary>x.com's Followers answer, hand-made in its shape: users in the legacy schema and in August 2026's, and its cursors.</summary>
public sealed class GraphQlFollowersTests
{
    // A legacy-schema user with a bio and its own picture, a 2026-schema bot without either, a suspended follower, and the cursors.
    private const string Answer = """
        {"data":{"user":{"result":{"__typename":"User","timeline":{"timeline":{"instructions":[
          {"type":"TimelineClearCache"},
          {"type":"TimelineTerminateTimeline","direction":"Top"},
          {"type":"TimelineAddEntries","entries":[
            {"entryId":"user-1849213370","sortIndex":"1812","content":{"entryType":"TimelineTimelineItem","__typename":"TimelineTimelineItem",
              "itemContent":{"itemType":"TimelineUser","__typename":"TimelineUser","userDisplayType":"User","user_results":{"result":{
                "__typename":"User","id":"VXNlcjoxODQ5MjEzMzcw","rest_id":"1849213370","is_blue_verified":false,
                "legacy":{"screen_name":"ada_builds","name":"Ada","created_at":"Wed Oct 10 20:19:24 +0000 2018","default_profile_image":false,
                  "description":"Ships small tools.","followers_count":1204,"friends_count":388,"statuses_count":5120,"protected":false,"verified":false}}}}}},
            {"entryId":"user-1900000000000000001","sortIndex":"1811","content":{"entryType":"TimelineTimelineItem","__typename":"TimelineTimelineItem",
              "itemContent":{"itemType":"TimelineUser","__typename":"TimelineUser","userDisplayType":"User","user_results":{"result":{
                "__typename":"User","rest_id":"1900000000000000001","is_blue_verified":true,
                "core":{"created_at":"Mon Jul 06 03:04:05 +0000 2026","name":"Deals Daily","screen_name":"deals_daily_88"},
                "avatar":{"image_url":"https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"},
                "privacy":{"protected":true},"profile_bio":{"description":""},
                "relationship_counts":{"followers":3,"following":4980},"tweet_counts":{"tweets":0},"verification":{"verified":false}}}}}},
            {"entryId":"user-77","sortIndex":"1810","content":{"entryType":"TimelineTimelineItem","__typename":"TimelineTimelineItem",
              "itemContent":{"itemType":"TimelineUser","__typename":"TimelineUser","user_results":{"result":{"__typename":"UserUnavailable","reason":"Suspended"}}}}},
            {"entryId":"cursor-bottom-1809","sortIndex":"1809","content":{"entryType":"TimelineTimelineCursor","__typename":"TimelineTimelineCursor","value":"1812345678901234567|1812345678901234560","cursorType":"Bottom"}},
            {"entryId":"cursor-top-1813","sortIndex":"1813","content":{"entryType":"TimelineTimelineCursor","__typename":"TimelineTimelineCursor","value":"-1|1812345678901234567","cursorType":"Top"}}
          ]}]}}}}}}
        """;

    [Fact]
    public void Parse_ReadsEachUsersFacts_InEitherSchema_AndTheBottomCursorAsTheNext()
    {
        var page = GraphQlFollowers.Parse(Answer);

        Assert.Equal(
            [
                new XFollower("1849213370", "ada_builds", "Ada", new DateTimeOffset(2018, 10, 10, 20, 19, 24, TimeSpan.Zero), false, true, 1204, 388, 5120, false, false),
                new XFollower("1900000000000000001", "deals_daily_88", "Deals Daily", new DateTimeOffset(2026, 7, 6, 3, 4, 5, TimeSpan.Zero), true, false, 3, 4980, 0, true, true),
            ],
            page.Followers);
        Assert.Equal("1812345678901234567|1812345678901234560", page.NextCursor);
    }

    [Fact]
    public void Parse_FactsTheAnswerLacks_AreNull()
    {
        var page = GraphQlFollowers.Parse(Answer.Replace("\"name\":\"Ada\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"default_profile_image\":false,", "", StringComparison.Ordinal));

        Assert.Equal(new XFollower("1849213370", "ada_builds", null, null, null, true, 1204, 388, 5120, false, false), page.Followers[0]);
    }

    [Theory]
    [InlineData("0|1812345678901234560")]
    [InlineData("")]
    public void Parse_AtTheEndOfTheList_HasNoNextCursor(string bottom)
    {
        var page = GraphQlFollowers.Parse(Answer.Replace("1812345678901234567|1812345678901234560", bottom, StringComparison.Ordinal));

        Assert.Equal(2, page.Followers.Count);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public void Parse_APageWithoutUsers_HasNoNextCursor()
    {
        const string json = """
            {"data":{"user":{"result":{"__typename":"User","timeline":{"timeline":{"instructions":[{"type":"TimelineAddEntries","entries":[
              {"entryId":"cursor-bottom-1","content":{"entryType":"TimelineTimelineCursor","value":"1812|1811","cursorType":"Bottom"}}]}]}}}}}}
            """;

        var page = GraphQlFollowers.Parse(json);

        Assert.Empty(page.Followers);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData("\"screen_name\":\"ada_builds\",", "", "screen_name")]
    [InlineData("Wed Oct 10 20:19:24 +0000 2018", "10/10/2018", "created_at")]
    [InlineData("\"followers_count\":1204", "\"followers_count\":{\"n\":1}", "count")]
    public void Parse_AMalformedUser_FailsNamingWhatIsWrong(string part, string replacement, string named)
    {
        var error = Assert.Throws<XPageFormatException>(() => GraphQlFollowers.Parse(Answer.Replace(part, replacement, StringComparison.Ordinal)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"data":{"user":{}}}""", XErrorKind.NotFound)]
    [InlineData("""{"data":{"user":{"result":{"__typename":"UserUnavailable","reason":"Suspended"}}}}""", XErrorKind.Suspended)]
    [InlineData("""{"errors":[{"code":88,"message":"Rate limit exceeded."}],"data":{}}""", XErrorKind.RateLimited)]
    public void Parse_WhatXSaidInsteadOfTheList_IsARefusal(string json, XErrorKind kind) =>
        Assert.Equal(kind, Assert.Throws<XGraphQlErrorException>(() => GraphQlFollowers.Parse(json)).Kind);

    [Fact]
    public void Parse_NoTimeline_IsAFormatError() =>
        Assert.Throws<XPageFormatException>(() => GraphQlFollowers.Parse("""{"data":{"user":{"result":{"__typename":"User","rest_id":"1"}}}}"""));
}
