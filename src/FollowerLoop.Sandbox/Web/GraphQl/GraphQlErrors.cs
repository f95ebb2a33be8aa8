using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>x.com's API error bodies: <c>{"errors":[{"code":…,"message":…}]}</c>, with x.com's codes.</summary>
internal static class GraphQlErrors
{
    public static IResult NotAuthenticated() => Error(StatusCodes.Status401Unauthorized, 32, "Could not authenticate you.");

    public static IResult CsrfMismatch() => Error(StatusCodes.Status403Forbidden, 353, "This request requires a matching csrf cookie and header.");

    public static IResult RateLimited() => Error(StatusCodes.Status429TooManyRequests, 88, "Rate limit exceeded.");

    public static IResult Internal() => Error(StatusCodes.Status500InternalServerError, 131, "Internal error.");

    public static IResult BadRequest(string message) =>
        Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message }) }, statusCode: StatusCodes.Status400BadRequest);

    public const string LockedText = "To protect our users from spam and other malicious activity, this account is temporarily locked. Please log in to https://x.com to unlock your account.";

    /// <summary>A locked account: x.com answers 200 with code 326 until the account is unlocked on /account/access.</summary>
    public static IResult Locked() => Error(StatusCodes.Status200OK, 326, LockedText);

    public static IResult TweetNotFound() => Error(StatusCodes.Status200OK, 144, "_Missing: No status found with that ID.");

    /// <summary>A refused CreateTweet: x.com answers 200 with an AuthorizationError, e.g. "Authorization: Status is a duplicate. (187)".</summary>
    public static IResult Rejected(PostRejection rejection)
    {
        JsonObject Details() => new()
        {
            ["name"] = "AuthorizationError",
            ["source"] = "Client",
            ["code"] = rejection.Code,
            ["kind"] = "Permissions",
            ["tracing"] = new JsonObject { ["trace_id"] = Guid.NewGuid().ToString("N")[..16] },
        };

        var error = Details();
        error["message"] = $"Authorization: {rejection.Message} ({rejection.Code})";
        error["locations"] = new JsonArray(new JsonObject { ["line"] = 18, ["column"] = 3 });
        error["path"] = new JsonArray("create_tweet");
        error["extensions"] = Details();
        return Results.Json(new JsonObject { ["errors"] = new JsonArray(error), ["data"] = new JsonObject() });
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(
            new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }), ["data"] = new JsonObject() },
            statusCode: status);
}
