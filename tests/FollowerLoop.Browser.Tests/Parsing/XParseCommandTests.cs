using System.Diagnostics;
using System.Text.Json.Nodes;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Browser.Tests.Parsing;

/// <summary><c>followerloop x parse FILE</c>, run as the built program.</summary>
public sealed class XParseCommandTests
{
    [Fact]
    public async Task Parse_SavedPost_PrintsOneTweetObject()
    {
        var (exitCode, output, error) = await RunAsync("x", "parse", SavedPages.PathOf("rvinowise__video_test__2.html"));

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"kind":"tweet","handle":"Oreo","tweetId":"1314302695365320712","replies":2455,"reposts":7186,"likes":30234,"bookmarks":748,"views":null}"""),
            JsonNode.Parse(output)));
    }

    [Fact]
    public async Task Parse_SavedProfile_PrintsOneProfileObject()
    {
        var (exitCode, output, _) = await RunAsync("x", "parse", SavedPages.PathOf("rvinowise__Parse_twitter_user_briefing__1.html"));

        Assert.Equal(0, exitCode);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"kind":"profile","handle":"BritishArmy","followers":393200,"following":1017,"followersExact":false}"""),
            JsonNode.Parse(output)));
    }

    [Fact]
    public async Task Parse_CreateTweetResponse_PrintsTheNewId()
    {
        var (exitCode, output, _) = await RunAsync("x", "parse", SavedPages.PathOf("twillot__create_tweet_response.json"));

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(("createTweet", "1795765436682039468"), (json["kind"]!.GetValue<string>(), json["tweetId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Parse_TweetDetailWithId_PrintsThatPost()
    {
        var (exitCode, output, _) = await RunAsync("x", "parse", SavedPages.PathOf("twillot__tweet_detail_response.json"), "--tweet-id", "1799214756353716335");

        Assert.Equal(0, exitCode);
        Assert.Equal(19_028_175, JsonNode.Parse(output)!["views"]!.GetValue<long>());
    }

    [Fact]
    public async Task Parse_UserTweetsResponse_PrintsOneObjectPerPost_WithExactCounts()
    {
        var (exitCode, output, error) = await RunAsync("x", "parse", SavedXFixtures.UserTweets);

        Assert.Equal((0, ""), (exitCode, error));
        var posts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.True(posts.Count > 1);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"kind":"tweet","handle":"XDevelopers","tweetId":"2019881223666233717","replies":783,"reposts":832,"likes":5569,"bookmarks":2810,"views":2525462}"""),
            posts.Single(p => p!["tweetId"]!.GetValue<string>() == "2019881223666233717")));
    }

    [Fact]
    public async Task Parse_UserByScreenNameOfAugust2026_PrintsExactFollowers()
    {
        var (exitCode, output, _) = await RunAsync("x", "parse", SavedXFixtures.UserByLogin);

        Assert.Equal(0, exitCode);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"kind":"profile","handle":"XDevelopers","followers":695695,"following":762,"followersExact":true}"""),
            JsonNode.Parse(output)));
    }

    [Fact]
    public async Task Parse_ErrorResponse_ExitsNonZeroWithXsCodeAndMessage_AndPrintsNoCount()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fl-x-error-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"errors":[{"message":"Rate limit exceeded.","code":88}]}""", TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, error) = await RunAsync("x", "parse", path);

            Assert.NotEqual(0, exitCode);
            Assert.Equal("", output);
            Assert.Contains("88 Rate limit exceeded.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("<html><body><p>nothing here</p></body></html>", "No post found")]
    [InlineData("{\"data\":{\"home\":{}}}", "not a CreateTweet, TweetDetail, UserTweets, SearchTimeline or UserByScreenName")]
    [InlineData("<html><body><div data-testid=\"error-detail\"><span>Something went wrong. Try reloading.</span></div></body></html>", "X's error state (Unavailable)")]
    [InlineData("<html><body><div data-testid=\"empty_state_header_text\"><span>These posts are protected</span></div></body></html>", "X's error state (Protected)")]
    public async Task Parse_UnreadableFile_ExitsNonZeroWithOneLineReason(string content, string reason)
    {
        var file = Path.Combine(Path.GetTempPath(), $"x-parse-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, error) = await RunAsync("x", "parse", file);

            Assert.NotEqual(0, exitCode);
            Assert.Equal("", output);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(reason, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Parse_MissingFile_ExitsNonZero()
    {
        var (exitCode, _, error) = await RunAsync("x", "parse", "/nonexistent/page.html");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("page.html", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FollowerLoop.Worker.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }
}
