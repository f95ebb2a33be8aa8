using System.CommandLine;
using System.Text.Json;
using FollowerLoop.X;
using FollowerLoop.X.Api;
using FollowerLoop.X.Browser;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop x …</c>: working with X directly (reading saved pages, the session, the API token).</summary>
internal static class XCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create() =>
        new("x", "Work with X (x.com or the sandbox) directly.")
        {
            CreateParse(),
            CreateLogin(),
            CreateAuth(),
        };

    private static Command CreateAuth()
    {
        var code = new Option<string?>("--code") { Description = "The code X gave the previous `x auth` run (from its redirect address), instead of reading it from stdin." };
        code.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--code is empty: give the code from the address X sent the browser to (its code=… part).");
            }
        });
        var redirect = new Option<string?>("--redirect-url")
        {
            Description = "The whole address X sent the browser to after the previous `x auth` run; its state is checked.",
            CustomParser = OptionValues.HttpUrl("http://127.0.0.1:8723/callback?state=…&code=…"),
        };
        var command = new Command(
            "auth",
            "Authorize the account for the X API (OAuth 2.0 with PKCE): prints the address to open, reads back the redirect address (or the code), and stores the token pair in XApi:OAuth2:TokenStorePath.")
        {
            code,
            redirect,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(code) is not null && result.GetResult(redirect) is not null)
            {
                result.AddError("Give --code or --redirect-url, not both.");
            }
        });
        command.SetAction((parse, cancellationToken) => HostFactory.RunAsync(
            parse,
            builder => builder.AddXApiAuthorization(),
            (services, token) => AuthAsync(services.GetRequiredService<OAuth2PkceFlow>(), parse.GetValue(code), parse.GetValue(redirect), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> AuthAsync(OAuth2PkceFlow flow, string? code, string? redirect, CancellationToken cancellationToken)
    {
        try
        {
            var (request, answer) = code is null && redirect is null
                ? await AskAsync(flow, cancellationToken)
                : (await flow.LoadPendingAsync(cancellationToken), code ?? redirect);
            if (request is null)
            {
                await Console.Error.WriteLineAsync("x auth: no authorization is waiting for a code; run `followerloop x auth` first and open the address it prints.");
                return ExitCodes.Failed;
            }

            if (answer is null)
            {
                await Console.Error.WriteLineAsync("x auth: nothing was read from stdin. After allowing access, run `followerloop x auth --redirect-url '<the address X sent the browser to>'`.");
                return ExitCodes.Failed;
            }

            // A bare --code is taken on the person's word; anything pasted or --redirect-url must carry this authorization's state.
            var result = await flow.CompleteAsync(request, code ?? OAuth2Pkce.ReadCode(answer, request.State), cancellationToken);
            Console.WriteLine($"Authorized. The token pair is stored in {result.TokenStorePath} (mode 0600: it is the login, keep it private).");
            Console.WriteLine("XApi:OAuth2:ClientId (and ClientSecret for a confidential client) and that file are all the API provider needs; the worker refreshes the token itself.");
            if (flow.RefreshTokenConfigured)
            {
                Console.WriteLine("Remove XApi:OAuth2:RefreshToken (and AccessToken) from the configuration: a refresh token there takes precedence over the new token file.");
            }

            return ExitCodes.Ok;
        }
        catch (XClientException ex)
        {
            await Console.Error.WriteLineAsync($"x auth: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static async Task<(OAuth2PkceRequest? Request, string? Answer)> AskAsync(OAuth2PkceFlow flow, CancellationToken cancellationToken)
    {
        var request = await flow.BeginAsync(cancellationToken);
        Console.WriteLine("Open this address, logged in as the account FollowerLoop grows, and allow access:");
        Console.WriteLine();
        // AbsoluteUri keeps the escapes (ToString would print the scope's %20 as spaces, breaking the address).
        Console.WriteLine($"  {request.AuthorizeUrl.AbsoluteUri}");
        Console.WriteLine();
        Console.WriteLine($"X then sends the browser to {request.RedirectUri}?state=…&code=… (the page may not load: that is fine).");
        Console.Write("Paste that whole address (or just the code) and press Enter: ");
        var answer = await Console.In.ReadLineAsync(cancellationToken);
        Console.WriteLine();
        return (request, answer);
    }

    private static Command CreateLogin()
    {
        var command = new Command(
            "login",
            "Log in to X (section XClient) and save the session the worker reuses. With Browser:Headless=false a person can type the credentials, or finish extra steps, in the browser window.");
        command.SetAction((parse, cancellationToken) => HostFactory.RunAsync(parse, builder => builder.AddFollowerLoopCore().AddXClient(), LoginAsync, cancellationToken));
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
        var file = new Argument<FileInfo>("FILE") { Description = "A saved x.com page (post, timeline, profile) or GraphQL response (CreateTweet, TweetDetail, UserTweets, SearchTimeline, UserByScreenName)." }
            .AcceptExistingOnly();
        var tweetId = new Option<string?>("--tweet-id") { Description = "The post to read when the page or response holds several (a page's default: the first with its own link; a response's: every post)." };
        tweetId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { Length: > 0 } id || !id.All(char.IsAsciiDigit))
            {
                result.AddError($"--tweet-id '{result.GetValueOrDefault<string?>()}' is not a post id (its digits, as in x.com/handle/status/1314302695365320712).");
            }
        });
        var command = new Command("parse", "Read a saved page or response the way the X client reads live ones; prints one JSON object (a timeline response: one per post, a line each). X's errors exit non-zero with its code and message.")
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
                foreach (var parsed in Parse(content, parseResult.GetValue(tweetId)))
                {
                    await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(parsed, Json));
                }

                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is XPageFormatException or XGraphQlErrorException or IOException or UnauthorizedAccessException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"x parse: {path.Name}: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static IEnumerable<object> Parse(string content, string? tweetId)
    {
        if (content.TrimStart().StartsWith('{'))
        {
            switch (GraphQlResponses.Identify(content))
            {
                case "CreateTweet":
                    return [CreatedTweet(GraphQlResponses.ParseCreateTweet(content))];
                case "UserByScreenName":
                    return [Profile(GraphQlResponses.ParseUserByScreenName(content))];
                case "TweetDetail" or "UserTweets" or "SearchTimeline":
                    var posts = GraphQlResponses.ParseTimeline(content);
                    return tweetId is null
                        ? posts.Select(Tweet)
                        : [Tweet(posts.FirstOrDefault(post => post.TweetId == tweetId) ?? throw new XPageFormatException($"The response does not hold post {tweetId}."))];
                default:
                    // Errors instead of data (a deleted post, a rate limit, a locked account) are X's answer, not a format problem.
                    GraphQlResponses.ThrowIfErrors(content);
                    throw new XPageFormatException("JSON is not a CreateTweet, TweetDetail, UserTweets, SearchTimeline or UserByScreenName response (nor X's errors).");
            }
        }

        if (ProfilePageParser.LooksLikeProfile(content))
        {
            return [Profile(ProfilePageParser.Parse(content))];
        }

        try
        {
            return [Tweet(TweetPageParser.Parse(content, tweetId))];
        }
        catch (XPageFormatException) when (PageErrors.Find(string.Empty, content, emptyStateIsError: true) is { } shown)
        {
            // x.com's errors come as pages with status 200: say which one this is, not that the markup is odd.
            throw new XPageFormatException($"The page shows X's error state ({shown.Kind}) instead of a post: \"{shown.Shown}\".");
        }
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
