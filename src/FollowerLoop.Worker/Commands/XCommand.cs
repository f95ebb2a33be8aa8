using System.CommandLine;
using System.Text.Json;
using FollowerLoop.X;
using FollowerLoop.X.Browser;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop x …</c>: working with X directly (reading saved pages, the session).</summary>
internal static class XCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create() =>
        new("x", "Work with X (x.com or the sandbox) directly.")
        {
            CreateParse(),
            CreateLogin(),
        };

    private static Command CreateLogin()
    {
        var command = new Command(
            "login",
            "Log in to X (section XClient) and save the session the worker reuses. With XClient:Headless=false a person can type the credentials, or finish extra steps, in the browser window.");
        command.SetAction((_, cancellationToken) => HostFactory.RunAsync(builder => builder.AddFollowerLoopCore().AddXClient(), LoginAsync, cancellationToken));
        return command;
    }

    private static async Task<int> LoginAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var session = services.GetRequiredService<XSession>();
        try
        {
            await session.LoginAsync(cancellationToken);
            Console.WriteLine($"Logged in; the session is saved in {session.StorageStatePath}.");
            return ExitCodes.Ok;
        }
        catch (XClientException ex)
        {
            await Console.Error.WriteLineAsync($"x login: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static Command CreateParse()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A saved x.com page (post, timeline, profile) or GraphQL response (CreateTweet, TweetDetail, UserByScreenName)." };
        var tweetId = new Option<string?>("--tweet-id") { Description = "The post to read when the page or response holds several (default: the first with its own link)." };
        var command = new Command("parse", "Read a saved page or response the way the X client reads live ones; prints one JSON object.")
        {
            file,
            tweetId,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            try
            {
                var content = await File.ReadAllTextAsync(path.FullName, cancellationToken);
                var parsed = Parse(content, parseResult.GetValue(tweetId));
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(parsed, Json));
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is XPageFormatException or IOException or UnauthorizedAccessException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"x parse: {path.Name}: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static object Parse(string content, string? tweetId)
    {
        if (content.TrimStart().StartsWith('{'))
        {
            return GraphQlResponses.Identify(content) switch
            {
                "CreateTweet" => CreatedTweet(GraphQlResponses.ParseCreateTweet(content)),
                "TweetDetail" => Tweet(GraphQlResponses.ParseTweetDetail(content, tweetId)),
                "UserByScreenName" => Profile(GraphQlResponses.ParseUserByScreenName(content)),
                _ => throw new XPageFormatException("JSON is not a CreateTweet, TweetDetail or UserByScreenName response."),
            };
        }

        return ProfilePageParser.LooksLikeProfile(content)
            ? Profile(ProfilePageParser.Parse(content))
            : Tweet(TweetPageParser.Parse(content, tweetId));
    }

    private static object Tweet(ParsedTweet tweet) => new
    {
        kind = "tweet",
        handle = tweet.Handle,
        tweetId = tweet.TweetId,
        replies = tweet.Counts.Replies,
        reposts = tweet.Counts.Reposts,
        likes = tweet.Counts.Likes,
        bookmarks = tweet.Counts.Bookmarks,
        views = tweet.Counts.Views,
    };

    private static object Profile(ParsedProfile profile) => new
    {
        kind = "profile",
        handle = profile.Handle,
        followers = profile.Followers?.Value,
        following = profile.Following?.Value,
        followersExact = profile.Followers?.IsExact ?? false,
    };

    private static object CreatedTweet(CreateTweetResult result) => new
    {
        kind = "createTweet",
        tweetId = result.TweetId,
        handle = result.Handle,
        errors = result.Errors.Select(error => new { code = error.Code, message = error.Message }),
    };
}
