using System.Text.Json;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// <c>POST /2/tweets</c> with <c>{"text":…,"reply":{"in_reply_to_tweet_id":…}}</c>: 201 <c>{"data":{"id","text"}}</c>, or the
/// world's refusal in X's words (duplicate and unknown parent: 403 problem; empty or too long: 400 invalid request).
/// </summary>
internal static class CreateTweetEndpoint
{
    public static async Task<IResult> CreateAsync(HttpContext context, SandboxWorld world, CancellationToken cancellationToken)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return ApiProblems.InvalidRequest("body", string.Empty, "The request body must be a JSON object.");
        }

        var text = Text(body["text"]) ?? string.Empty;
        var inReplyTo = Text((body["reply"] as JsonObject)?["in_reply_to_tweet_id"]);
        SandboxPost post;
        try
        {
            post = world.Publish(text, inReplyTo);
        }
        catch (PostRejectedException e)
        {
            return Refusal(e.Rejection, text);
        }

        var data = new JsonObject { ["id"] = post.Id, ["text"] = post.Text, ["edit_history_tweet_ids"] = new JsonArray(post.Id) };
        return ApiEndpoints.Answer(data, null, new JsonArray(), null, StatusCodes.Status201Created);
    }

    private static IResult Refusal(PostRejection rejection, string text) => rejection.Code switch
    {
        187 => ApiProblems.Forbidden("You are not allowed to create a Tweet with duplicate content."),
        385 => ApiProblems.Forbidden("You attempted to reply to a Tweet that is deleted or not visible to you."),
        186 => ApiProblems.InvalidRequest("text", text, "Your Tweet text is too long. For more information on how X determines text length see https://github.com/twitter/twitter-text."),
        _ => ApiProblems.InvalidRequest("text", text, "Your Tweet must have text or media."),
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
