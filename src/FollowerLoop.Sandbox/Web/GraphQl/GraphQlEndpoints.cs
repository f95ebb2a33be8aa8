using System.Text.Json;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.Web.Sessions;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>
/// The GraphQL operations the pages call, at x.com's paths (<c>/i/api/graphql/{queryId}/{Operation}</c>; any query id
/// is accepted): CreateTweet (POST), UserByScreenName, TweetDetail, UserTweets and Followers (GET with <c>variables</c> JSON in the query).
/// </summary>
internal static class GraphQlEndpoints
{
    public static IEndpointRouteBuilder MapGraphQl(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/i/api/graphql/{queryId}").AddEndpointFilter<ApiSessionFilter>();
        api.MapPost("/CreateTweet", CreateTweetAsync);
        api.MapGet("/UserByScreenName", UserByScreenName);
        api.MapGet("/TweetDetail", TweetDetail);
        api.MapGet("/UserTweets", UserTweetsEndpoint.Answer);
        api.MapGet("/Followers", FollowersTimelineEndpoint.Answer);
        return app;
    }

    private static async Task<IResult> CreateTweetAsync(HttpContext context, SandboxWorld world, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return GraphQlErrors.BadRequest($"The request body is not JSON: {e.Message}");
        }

        var variables = new GraphQlVariables((body as JsonObject)?["variables"] as JsonObject);
        if (variables.String("tweet_text") is not { } text)
        {
            return GraphQlErrors.BadRequest("Variable \"$tweet_text\" of required type \"String!\" was not provided.");
        }

        var inReplyTo = GraphQlVariables.StringOf(variables["reply"]?["in_reply_to_tweet_id"]);
        SandboxPost post;
        try
        {
            post = world.Publish(text, inReplyTo);
        }
        catch (PostRejectedException e)
        {
            return GraphQlErrors.Rejected(e.Rejection);
        }

        var author = WorldViews.FindUser(world, world.Account.Handle, post.PostedAt)!;
        var tweet = GraphQlShapes.Tweet(WorldViews.Own(world, post, post.PostedAt), author, fresh: true, storedText: context.Fault() == SandboxFaultMode.Emoji);
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonObject { ["create_tweet"] = new JsonObject { ["tweet_results"] = new JsonObject { ["result"] = tweet } } },
        });
    }

    private static IResult UserByScreenName(HttpContext context, SandboxWorld world)
    {
        if (GraphQlVariables.FromQuery(context).String("screen_name") is not { } screenName)
        {
            return GraphQlErrors.BadRequest("Variable \"$screen_name\" of required type \"String!\" was not provided.");
        }

        // x.com answers an unknown name with an empty data object, a deleted account with an empty user.
        var fault = context.Fault();
        var user = WorldViews.FindUser(world, screenName.TrimStart('@'), world.Clock.GetUtcNow());
        JsonObject? result = fault switch
        {
            SandboxFaultMode.Suspended => GraphQlUnavailable.SuspendedUser(),
            SandboxFaultMode.Deleted => null,
            _ when user is null => null,
            _ => GraphQlShapes.User(user, isProtected: fault == SandboxFaultMode.Protected),
        };
        return Results.Json(result is null && fault != SandboxFaultMode.Deleted
            ? new JsonObject { ["data"] = new JsonObject() }
            : GraphQlShapes.UserData(result));
    }

    private static IResult TweetDetail(HttpContext context, SandboxWorld world)
    {
        if (GraphQlVariables.FromQuery(context).String("focalTweetId") is not { } focalId)
        {
            return GraphQlErrors.BadRequest("Variable \"$focalTweetId\" of required type \"ID!\" was not provided.");
        }

        var now = world.Clock.GetUtcNow();
        var fault = context.Fault();
        if (fault == SandboxFaultMode.Deleted || WorldViews.FindTweet(world, focalId, now) is not { } focal)
        {
            return GraphQlErrors.TweetNotFound();
        }

        if (fault is SandboxFaultMode.Protected or SandboxFaultMode.Suspended)
        {
            return Results.Json(GraphQlTimeline.Conversation([GraphQlTimeline.Entry("tweet", focal.Id, GraphQlUnavailable.Tweet(fault.ToString()))]));
        }

        var conversation = new List<(TweetView Tweet, string Prefix)>();
        if (focal.InReplyToId is { } parentId && WorldViews.FindTweet(world, parentId, now) is { } parent)
        {
            conversation.Add((parent, "tweet"));
        }

        conversation.Add((focal, "tweet"));
        conversation.AddRange(world.GetOwnReplies(focal.Id, now).Select(reply => (WorldViews.Own(world, reply, now), "conversationthread")));
        var entries = new JsonArray();
        foreach (var (tweet, prefix) in conversation)
        {
            var author = WorldViews.FindUser(world, tweet.Handle, now)!;
            entries.Add(GraphQlTimeline.Entry(prefix, tweet.Id, GraphQlShapes.Tweet(tweet, author, fresh: false, storedText: fault == SandboxFaultMode.Emoji)));
        }

        return Results.Json(GraphQlTimeline.Conversation(entries));
    }
}
