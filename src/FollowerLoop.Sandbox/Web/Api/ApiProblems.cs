using System.Text.Json.Nodes;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>X API v2's error bodies: problem JSON for a refused request, and the entries of a partial answer's <c>errors</c>.</summary>
internal static class ApiProblems
{
    private const string NotFoundType = "https://api.twitter.com/2/problems/resource-not-found";
    private const string InvalidRequestType = "https://api.twitter.com/2/problems/invalid-request";

    public static IResult Unauthorized() => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Unauthorized");

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>403 for an endpoint the app's access level does not include: X's "Client Forbidden" with its reason.</summary>
    public static IResult ClientForbidden(string reason) =>
        Results.Json(
            new JsonObject
            {
                ["title"] = "Client Forbidden",
                ["detail"] = "This request must be made using an approved developer account that is enrolled in the requested endpoint.",
                ["reason"] = reason,
                ["registration_url"] = "https://developer.x.com/en/portal/product",
                ["type"] = "https://api.twitter.com/2/problems/client-forbidden",
                ["required_enrollment"] = "Enterprise",
            },
            statusCode: StatusCodes.Status403Forbidden);

    public static IResult TooManyRequests() => Problem(StatusCodes.Status429TooManyRequests, "Too Many Requests", "Too Many Requests");

    public static IResult ServiceUnavailable() => Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "Service Unavailable");

    /// <summary>400 for a bad parameter: <c>{"errors":[{"parameters":{…},"message":…}],"title":"Invalid Request",…}</c>.</summary>
    public static IResult InvalidRequest(string parameter, string value, string message) =>
        Results.Json(
            new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["parameters"] = new JsonObject { [parameter] = new JsonArray(value) },
                    ["message"] = message,
                }),
                ["title"] = "Invalid Request",
                ["detail"] = "One or more parameters to your request was invalid.",
                ["type"] = InvalidRequestType,
            },
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>An <c>errors</c> entry for an id or name that does not exist (the answer itself is 200).</summary>
    public static JsonObject NotFound(string resourceType, string parameter, string value, string detail) => new()
    {
        ["value"] = value,
        ["detail"] = detail,
        ["title"] = "Not Found Error",
        ["resource_type"] = resourceType,
        ["parameter"] = parameter,
        ["resource_id"] = value,
        ["type"] = NotFoundType,
    };

    /// <summary>An <c>errors</c> entry for a field the token may not read on a post that is in <c>data</c>.</summary>
    public static JsonObject FieldNotAuthorized(string tweetId, string field) => new()
    {
        ["value"] = tweetId,
        ["detail"] = $"Sorry, you are not authorized to access '{field}' on the Tweet with ids: {tweetId}.",
        ["title"] = "Field Authorization Error",
        ["resource_type"] = "tweet",
        ["field"] = field,
        ["resource_id"] = tweetId,
        ["section"] = "data",
        ["type"] = "https://api.twitter.com/2/problems/not-authorized-for-field",
    };

    /// <summary>The OAuth 2.0 token endpoint's refusal: <c>{"error":"invalid_request","error_description":…}</c>.</summary>
    public static IResult OAuthError(string description, string error = "invalid_request") =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Json(
            new JsonObject { ["title"] = title, ["type"] = "about:blank", ["status"] = status, ["detail"] = detail },
            statusCode: status,
            contentType: "application/problem+json");
}
