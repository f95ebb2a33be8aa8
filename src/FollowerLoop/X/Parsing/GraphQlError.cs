namespace FollowerLoop.X.Parsing;

/// <summary>One entry of a GraphQL response's <c>errors</c>, e.g. code 187 "Status is a duplicate".</summary>
public sealed record GraphQlError(int? Code, string Message);
