namespace FollowerLoop.Browser.Tests.Api;

/// <summary>One scripted answer of <see cref="ScriptedXApi"/>; <see cref="Delay"/> holds it back (timeouts).</summary>
public sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static ScriptedResponse Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null) => new(status, body, headers);
}
