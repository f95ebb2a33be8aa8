namespace FollowerLoop.Browser.Tests.Api;

/// <summary>One canned answer of <see cref="FakeXApi"/>; <see cref="Delay"/> holds it back (timeouts).</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeResponse Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null) => new(status, body, headers);
}
