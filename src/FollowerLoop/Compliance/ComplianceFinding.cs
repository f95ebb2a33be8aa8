namespace FollowerLoop.Compliance;

/// <summary>One row of <c>followerloop check</c>: what was looked at, its verdict, and what to do.</summary>
public sealed record ComplianceFinding(string Area, ComplianceVerdict Verdict, string Detail);
