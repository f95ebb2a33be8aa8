namespace FollowerLoop.X.Parsing;

/// <summary>An error state x.com's app showed instead of the content (with HTTP 200): what it is and the words it showed.</summary>
public sealed record PageError(XErrorKind Kind, string Shown);
